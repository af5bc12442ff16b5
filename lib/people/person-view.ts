import type { Role } from "@/lib/generated/prisma/enums";

export const PASSWORD_LINK_TTL_HOURS = 72;

export const personSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  version: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  version: number;
  lastLoginAt: Date | null;
  createdAt: Date;
};
