import { describe, expect, it } from "vitest";
import { uniqueClientAddress } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { DEMO_PEOPLE, seedDemoDesk } from "./seed-demo-desk";
import { DEMO_STORY, DEMO_WIRE_REPORTS } from "./wire-reports";

const demoEmails = DEMO_PEOPLE.map((person) => person.email);

/** Everything the demo seed owns, counted so a second run can be compared with the first. */
async function demoDeskCounts() {
  const users = await db.user.findMany({ where: { email: { in: demoEmails } }, select: { id: true } });
  const stories = await db.story.findMany({ where: { title: DEMO_STORY.title }, select: { id: true } });
  const userIds = users.map((user) => user.id);
  const storyIds = stories.map((story) => story.id);
  const [reports, versions, auditEvents] = await Promise.all([
    db.report.count({ where: { storyId: { in: storyIds } } }),
    db.reportVersion.count({ where: { report: { storyId: { in: storyIds } } } }),
    db.auditEvent.count({ where: { OR: [{ storyId: { in: storyIds } }, { entityId: { in: userIds } }, { actorId: { in: userIds } }] } }),
  ]);
  return { users: users.length, stories: stories.length, reports, versions, auditEvents };
}

describe("the demo desk", () => {
  it("seeding gives one person per role, the demo story and its wire reports, one of them corrected", async () => {
    await seedDemoDesk();

    const people = await db.user.findMany({ where: { email: { in: demoEmails } }, select: { email: true, role: true, active: true } });
    expect(people.map((person) => person.email).sort()).toEqual([...demoEmails].sort());
    expect(new Set(people.map((person) => person.role))).toEqual(new Set(["ADMIN", "REVIEWER", "EDITOR"]));

    const stories = await db.story.findMany({ where: { title: DEMO_STORY.title }, select: { id: true, description: true } });
    expect(stories).toHaveLength(1);
    expect(stories[0]!.description).toBe(DEMO_STORY.description);

    const reports = await db.report.findMany({ where: { storyId: stories[0]!.id }, select: { externalId: true, currentVersion: true } });
    expect(reports.length).toBeGreaterThanOrEqual(6);
    // each distinct wire id (and each pasted report) is one report; corrections are versions of it
    const corrections = DEMO_WIRE_REPORTS.filter((report) => report.correctionOf).length;
    expect(reports).toHaveLength(DEMO_WIRE_REPORTS.length - corrections);
    expect(reports.filter((report) => report.currentVersion === 2)).toHaveLength(1);
    expect(reports.filter((report) => report.currentVersion > 2)).toHaveLength(0);
  });

  it("the demo editor can sign in with the password the README lists", async () => {
    await seedDemoDesk();
    const editor = DEMO_PEOPLE.find((person) => person.role === "EDITOR")!;

    const actor = await authenticate({ email: editor.email, password: editor.password }, uniqueClientAddress());

    expect(actor).toMatchObject({ email: editor.email, role: "EDITOR", name: editor.name });
  });

  it("seeding again creates nothing twice", async () => {
    await seedDemoDesk();
    const before = await demoDeskCounts();

    const summary = await seedDemoDesk();

    expect(summary.peopleCreated).toEqual([]);
    expect(summary.storyCreated).toBe(false);
    expect(summary.reports).toEqual({ duplicate: DEMO_WIRE_REPORTS.length });
    expect(await demoDeskCounts()).toEqual(before);
    expect(before).toMatchObject({ users: DEMO_PEOPLE.length, stories: 1 });
  });

  it("the demo story starts with claims at several stages, a verified one with evidence", async () => {
    await seedDemoDesk();
    const story = await db.story.findFirstOrThrow({ where: { title: DEMO_STORY.title } });
    const claims = await db.claim.findMany({ where: { storyId: story.id }, include: { evidence: true } });
    expect(claims.length).toBeGreaterThanOrEqual(6);
    expect(new Set(claims.map((claim) => claim.status))).toEqual(new Set(["UNVERIFIED", "IN_PROGRESS", "VERIFIED", "DISPUTED"]));
    const verified = claims.find((claim) => claim.status === "VERIFIED")!;
    expect(verified.evidence.length).toBeGreaterThan(0);
    // anchors index the latest text of their report
    for (const claim of claims) {
      const version = await db.reportVersion.findUniqueOrThrow({ where: { id: claim.reportVersionId } });
      expect(version.bodyText.slice(claim.start, claim.end)).toBe(claim.exact);
    }
  });

  it("the demo story starts with its facts grouped: some carried by several outlets, some in conflict", async () => {
    await seedDemoDesk();
    const story = await db.story.findFirstOrThrow({ where: { title: DEMO_STORY.title } });
    const facts = await db.fact.findMany({ where: { storyId: story.id } });
    expect(facts.some((fact) => fact.sourceCount >= 3)).toBe(true);
    expect(facts.some((fact) => fact.conflictCount > 0)).toBe(true);
    const reports = await db.report.findMany({ where: { storyId: story.id }, select: { analysisRequested: true, analysisDone: true } });
    expect(reports.every((report) => report.analysisDone === report.analysisRequested)).toBe(true);
  });
});
