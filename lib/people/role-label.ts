import type { Role } from "@/lib/generated/prisma/enums";

const LABELS: Record<Role, string> = { ADMIN: "Admin", REVIEWER: "Reviewer", EDITOR: "Editor", VIEWER: "Viewer" };

export function roleLabel(role: Role): string {
  return LABELS[role];
}
