import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/generated/prisma/enums";
import { createPerson } from "@/lib/people/create-person";
import { storeReport } from "@/lib/reports/store-report";
import { createStory } from "@/lib/stories/mutate-story";
import { DEMO_STORY, DEMO_WIRE_REPORTS } from "./wire-reports";

/** Demo people; the README lists the same logins. Invented names, example.com-style addresses. */
export const DEMO_PEOPLE: { name: string; email: string; role: Role; password: string }[] = [
  { name: "Maren Holt", email: "admin@wiredesk.example", role: "ADMIN", password: "admin-demo-pass" },
  { name: "Tomasz Ilic", email: "reviewer@wiredesk.example", role: "REVIEWER", password: "reviewer-demo-pass" },
  { name: "Priya Sandoval", email: "editor@wiredesk.example", role: "EDITOR", password: "editor-demo-pass" },
  { name: "Jonas Achterberg", email: "editor2@wiredesk.example", role: "EDITOR", password: "editor2-demo-pass" },
];

export type SeedSummary = { peopleCreated: string[]; storyCreated: boolean; reports: Record<string, number> };

/**
 * Creates the demo desk: one person per role, one story, and the invented wire reports (with a
 * corrected second version of one). Every step looks for what already exists first, so running
 * it twice creates nothing twice.
 */
export async function seedDemoDesk(): Promise<SeedSummary> {
  const summary: SeedSummary = { peopleCreated: [], storyCreated: false, reports: {} };
  const [adminSpec, ...others] = DEMO_PEOPLE;
  if (!adminSpec) throw new Error("DEMO_PEOPLE must start with an admin");

  let admin = await db.user.findUnique({ where: { email: adminSpec.email } });
  if (!admin) {
    const passwordHash = await hashPassword(adminSpec.password);
    admin = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name: adminSpec.name, email: adminSpec.email, role: "ADMIN", passwordHash } });
      // the first admin has nobody to create them: the system does, and says so
      await recordAuditEvent(tx, { actorId: null, action: "person.create", entityType: "user", entityId: created.id, after: { name: created.name, email: created.email, role: "ADMIN", credential: "seed" } });
      return created;
    });
    summary.peopleCreated.push(adminSpec.email);
  }
  const adminActor: Actor = { id: admin.id, role: admin.role, name: admin.name, email: admin.email };

  for (const person of others) {
    if (await db.user.findUnique({ where: { email: person.email }, select: { id: true } })) continue;
    await createPerson(adminActor, { name: person.name, email: person.email, role: person.role, credential: "password", password: person.password });
    summary.peopleCreated.push(person.email);
  }

  const editorSpec = DEMO_PEOPLE.find((person) => person.role === "EDITOR")!;
  const editor = await db.user.findUniqueOrThrow({ where: { email: editorSpec.email } });
  const editorActor: Actor = { id: editor.id, role: editor.role, name: editor.name, email: editor.email };

  let story = await db.story.findFirst({ where: { title: DEMO_STORY.title }, select: { id: true } });
  if (!story) {
    story = await createStory(editorActor, DEMO_STORY);
    summary.storyCreated = true;
  }

  const ordered = [...DEMO_WIRE_REPORTS].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  for (const report of ordered) {
    const result = await storeReport(
      editorActor,
      {
        storyId: story.id,
        source: report.source,
        externalId: report.externalId,
        headline: report.headline,
        byline: report.byline,
        dateline: report.dateline,
        language: report.language,
        url: report.url,
        publishedAt: report.publishedAt,
        paragraphs: report.paragraphs,
      },
      report.externalId ? "SEED" : "PASTE",
    );
    summary.reports[result.outcome] = (summary.reports[result.outcome] ?? 0) + 1;
  }
  return summary;
}

/** True when the desk has nobody yet: the start command seeds only then. */
export async function deskIsEmpty(): Promise<boolean> {
  return (await db.user.count()) === 0;
}
