import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import type { Role } from "@/lib/generated/prisma/enums";
import { createPerson } from "@/lib/people/create-person";
import { storeReport } from "@/lib/reports/store-report";
import { analyzeReport } from "@/lib/facts/analyze-report";
import { createStory } from "@/lib/stories/mutate-story";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { suggestClaimFields } from "@/lib/claims/suggest-claim-fields";
import { tagClaim } from "@/lib/claims/tag-claim";
import { seedDemoExplainer } from "./seed-demo-explainer";
import { DEMO_STORY, DEMO_WIRE_REPORTS } from "./wire-reports";

/** Demo people; the README lists the same logins. Invented names, example.com-style addresses. */
export const DEMO_PEOPLE: { name: string; email: string; role: Role; password: string }[] = [
  { name: "Maren Holt", email: "admin@wiredesk.example", role: "ADMIN", password: "admin-demo-pass" },
  { name: "Tomasz Ilic", email: "reviewer@wiredesk.example", role: "REVIEWER", password: "reviewer-demo-pass" },
  { name: "Priya Sandoval", email: "editor@wiredesk.example", role: "EDITOR", password: "editor-demo-pass" },
  { name: "Jonas Achterberg", email: "editor2@wiredesk.example", role: "EDITOR", password: "editor2-demo-pass" },
];

export type SeedSummary = { peopleCreated: string[]; storyCreated: boolean; reports: Record<string, number>; claimsCreated: number; facts: number };

type DemoStatus = "UNVERIFIED" | "IN_PROGRESS" | "VERIFIED" | "DISPUTED";

/**
 * Claims the demo desk starts with, so the board and the reader have something to show:
 * quotes from the demo reports, at several stages of verification.
 */
const DEMO_CLAIMS: { report: string; quote: string; statement: string; status: DemoStatus; assignee?: "EDITOR" | "EDITOR2"; rationale?: string; evidence?: { note: string; report?: string } }[] = [
  {
    report: "northgate-wire-1",
    quote: "Fighters of the Eastern Liberation Command seized the Tel Hamra crossing on the Sarhan river early on Thursday",
    statement: "ELC fighters seized the Tel Hamra crossing early on 3 December",
    status: "VERIFIED",
    rationale: "The civilian monitor assesses the crossing under ELC control by 09:30; Meridian and Atlas carry the same, and the army no longer disputes the bridge.",
    evidence: { note: "Monitor bulletin, areas of control section.", report: "monitor-bulletin-1" },
  },
  { report: "northgate-wire-1", quote: "At least 12 soldiers were killed in the fighting", statement: "At least 12 soldiers were killed", status: "IN_PROGRESS", assignee: "EDITOR2" },
  {
    report: "meridian-wire-1",
    quote: "Rebel fighters took control of the town of Deir el-Marun",
    statement: "Rebels took control of Deir al-Marun",
    status: "DISPUTED",
    rationale: "An army source in Halvek denies the town fell, and the monitor calls the town centre contested.",
    evidence: { note: "Meridian paragraph 4 and the monitor's areas-of-control assessment contradict the rebel claim.", report: "monitor-bulletin-1" },
  },
  { report: "meridian-wire-1", quote: "about 400 fighters took part in the assault", statement: "About 400 ELC fighters took part in the assault", status: "UNVERIFIED" },
  { report: "monitor-bulletin-1", quote: "TCM has recorded 6 civilian deaths", statement: "Six civilians were killed", status: "UNVERIFIED", assignee: "EDITOR" },
  { report: "monitor-bulletin-1", quote: "An estimated 4,200 people (approximately 700 families) have left Deir al-Marun", statement: "About 4,200 people fled Deir al-Marun and nearby villages", status: "IN_PROGRESS", assignee: "EDITOR" },
  { report: "courier-daily-1", quote: "Fighters of the Sarhan Valley Front, a local militia drawn from the villages along the river, took the Tell Hamra bridge", statement: "The Sarhan Valley Front militia, not the ELC, took the bridge", status: "UNVERIFIED" },
  { report: "atlas-web-1", quote: "Aid workers say more than 5,000 people have fled the area", statement: "More than 5,000 people fled the area", status: "UNVERIFIED" },
];

/**
 * Creates the demo desk: one person per role, one story, and the invented wire reports (with a
 * corrected second version of one). Every step looks for what already exists first, so running
 * it twice creates nothing twice.
 */
export async function seedDemoDesk(): Promise<SeedSummary> {
  const summary: SeedSummary = { peopleCreated: [], storyCreated: false, reports: {}, claimsCreated: 0, facts: 0 };
  const [adminSpec, ...others] = DEMO_PEOPLE;
  if (!adminSpec) throw new Error("DEMO_PEOPLE must start with an admin");

  let admin = await db.user.findUnique({ where: { email: adminSpec.email } });
  if (!admin) {
    const passwordHash = await hashPassword(adminSpec.password);
    admin = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name: adminSpec.name, email: adminSpec.email, role: "ADMIN", passwordHash } });
      // the first admin has nobody to create them: the system does, and says so
      await audit(tx, { actorId: null, action: "person.create", entityType: "user", entityId: created.id, after: { name: created.name, email: created.email, role: "ADMIN", credential: "seed" } });
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
  const reportIds = new Map<string, string>();
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
    reportIds.set(report.correctionOf ?? report.key, result.reportId);
  }

  // demo claims only on a story that has none, so a desk that started work is never touched
  if ((await db.claim.count({ where: { storyId: story.id } })) === 0) {
    const reviewerSpec = DEMO_PEOPLE.find((person) => person.role === "REVIEWER")!;
    const reviewer = await db.user.findUniqueOrThrow({ where: { email: reviewerSpec.email } });
    const reviewerActor: Actor = { id: reviewer.id, role: reviewer.role, name: reviewer.name, email: reviewer.email };
    const editor2 = await db.user.findUniqueOrThrow({ where: { email: DEMO_PEOPLE.find((person) => person.email.startsWith("editor2"))!.email } });
    for (const claim of DEMO_CLAIMS) {
      const reportId = reportIds.get(claim.report);
      if (!reportId) throw new Error(`demo claim refers to unknown report ${claim.report}`);
      const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { currentVersion: true, versions: { orderBy: { version: "desc" }, take: 1, select: { bodyText: true } } } });
      const text = report.versions[0]!.bodyText;
      const start = text.indexOf(claim.quote);
      if (start === -1) throw new Error(`demo claim quote not found in ${claim.report}: ${claim.quote}`);
      const end = start + claim.quote.length;
      const suggestion = suggestClaimFields(text, start, end);
      const assigneeId = claim.assignee === "EDITOR" ? editor.id : claim.assignee === "EDITOR2" ? editor2.id : null;
      const tagged = await tagClaim(editorActor, { storyId: story.id, reportId, reportVersion: report.currentVersion, start, end, statement: claim.statement, attribution: suggestion.attribution, tags: suggestion.tags, assigneeId });
      summary.claimsCreated++;
      if (claim.status === "UNVERIFIED") continue;
      const relatedReportId = claim.evidence?.report ? reportIds.get(claim.evidence.report) : undefined;
      await setClaimStatus(claim.status === "IN_PROGRESS" ? editorActor : reviewerActor, {
        claimId: tagged.id,
        version: tagged.version,
        status: claim.status,
        rationale: claim.rationale ?? null,
        evidence: claim.evidence ? (relatedReportId ? { kind: "REPORT", relatedReportId, note: claim.evidence.note } : { kind: "NOTE", note: claim.evidence.note }) : null,
      });
    }
  }

  // the imports queued their analysis; running it here (the same job code, incremental and
  // idempotent) lets the first page load show a populated Facts tab without waiting for a worker
  for (const reportId of new Set(reportIds.values())) await analyzeReport(reportId);
  summary.facts = await db.fact.count({ where: { storyId: story.id } });
  await seedDemoExplainer(story.id, editorActor);
  return summary;
}

/** True when the desk has nobody yet: the start command seeds only then. */
export async function deskIsEmpty(): Promise<boolean> {
  return (await db.user.count()) === 0;
}
