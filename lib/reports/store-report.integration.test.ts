import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "./store-report";

async function storyWithEditor() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  return { editor, story };
}

async function countsFor(storyId: string) {
  const [reports, versions, auditEvents] = await Promise.all([
    db.report.count({ where: { storyId } }),
    db.reportVersion.count({ where: { report: { storyId } } }),
    db.auditEvent.count({ where: { storyId, entityType: "report" } }),
  ]);
  return { reports, versions, auditEvents };
}

describe("importing wire reports", () => {
  it("an editor's first import of a report stores it as version 1 and logs it on the story", async () => {
    const { editor, story } = await storyWithEditor();
    const input = buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, source: "Northgate Wire" });

    const result = await storeReport(editor.actor, input, "PASTE");

    expect(result).toEqual({ outcome: "imported", reportId: expect.any(String), version: 1 });
    const report = await db.report.findUniqueOrThrow({ where: { id: result.reportId }, include: { versions: true, source: true } });
    expect(report).toMatchObject({ storyId: story.id, externalId: input.externalId, currentVersion: 1, headline: input.headline });
    expect(report.source?.name).toBe("Northgate Wire");
    expect(report.versions).toHaveLength(1);
    expect(report.versions[0]).toMatchObject({ version: 1, channel: "PASTE", importedById: editor.id, bodyText: input.paragraphs.join("\n\n") });
    const audit = await db.auditEvent.findMany({ where: { entityId: result.reportId } });
    expect(audit).toEqual([expect.objectContaining({ action: "report.import", actorId: editor.id, storyId: story.id })]);
  });

  it("the same report with the same id and text again is a duplicate and changes nothing", async () => {
    const { editor, story } = await storyWithEditor();
    const input = buildReportInput(story.id, { externalId: `wire-${uniqueToken()}` });
    const first = await storeReport(editor.actor, input, "API");
    const before = await countsFor(story.id);

    const again = await storeReport(editor.actor, input, "API");

    expect(again).toEqual({ outcome: "duplicate", reportId: first.reportId, version: 1 });
    expect(await countsFor(story.id)).toEqual(before);
  });

  it("the same report id with corrected text becomes version 2 of that report, with an audit event", async () => {
    const { editor, story } = await storyWithEditor();
    const externalId = `wire-${uniqueToken()}`;
    const original = buildReportInput(story.id, { externalId });
    const first = await storeReport(editor.actor, original, "FEED");

    const corrected = { ...original, headline: "Ferry service resumes (corrects number of crossings)", paragraphs: [...original.paragraphs.slice(0, 1), "The operator now says 12 crossings a day."] };
    const second = await storeReport(editor.actor, corrected, "FEED");

    expect(second).toEqual({ outcome: "new_version", reportId: first.reportId, version: 2 });
    const report = await db.report.findUniqueOrThrow({ where: { id: first.reportId }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(report.currentVersion).toBe(2);
    expect(report.headline).toBe(corrected.headline);
    expect(report.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(report.versions[1]!.bodyText).toMatch(/12 crossings/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: first.reportId, action: "report.new_version" } });
    expect(audit).toMatchObject({ actorId: editor.id, storyId: story.id, before: { version: 1 }, after: { version: 2, headline: corrected.headline } });

    // sending the correction once more is a duplicate of version 2, not a version 3
    await expect(storeReport(editor.actor, corrected, "FEED")).resolves.toEqual({ outcome: "duplicate", reportId: first.reportId, version: 2 });
  });

  it("a pasted report without an id is recognised by its text, whatever its spacing and capitals", async () => {
    const { editor, story } = await storyWithEditor();
    const input = buildReportInput(story.id, { externalId: null });
    const first = await storeReport(editor.actor, input, "PASTE");
    const before = await countsFor(story.id);

    const reformatted = {
      ...input,
      headline: `  ${input.headline.toUpperCase()} `,
      paragraphs: input.paragraphs.map((paragraph) => `\n  ${paragraph.replace(/ /g, "   ").toLowerCase()}\t`),
    };
    await expect(storeReport(editor.actor, reformatted, "PASTE")).resolves.toEqual({ outcome: "duplicate", reportId: first.reportId, version: 1 });
    expect(await countsFor(story.id)).toEqual(before);

    const different = await storeReport(editor.actor, { ...input, paragraphs: [...input.paragraphs, "A new paragraph makes it a different report."] }, "PASTE");
    expect(different.outcome).toBe("imported");
    expect(different.reportId).not.toBe(first.reportId);
  });

  it("the same text pasted into two different stories is imported into each", async () => {
    const { editor, story } = await storyWithEditor();
    const otherStory = await buildStory(editor.actor);
    const input = buildReportInput(story.id);

    const first = await storeReport(editor.actor, input, "PASTE");
    const second = await storeReport(editor.actor, { ...input, storyId: otherStory.id }, "PASTE");

    expect(second.outcome).toBe("imported");
    expect(second.reportId).not.toBe(first.reportId);
  });

  it.each([
    ["with an id", () => `wire-${uniqueToken()}`],
    ["without an id", () => null],
  ])("the same report %s posted 8 times at once is stored exactly once", async (_case, externalIdOf) => {
    const { editor, story } = await storyWithEditor();
    // a source nobody has used yet, so the concurrent imports also race to create it
    const input = buildReportInput(story.id, { externalId: externalIdOf(), source: `Race Agency ${uniqueToken()}` });

    const results = await Promise.all(Array.from({ length: 8 }, () => storeReport(editor.actor, input, "API")));

    const reportIds = new Set(results.map((result) => result.reportId));
    expect(reportIds.size).toBe(1);
    expect(results.filter((result) => result.outcome === "imported")).toHaveLength(1);
    expect(results.filter((result) => result.outcome === "duplicate")).toHaveLength(7);
    expect(await countsFor(story.id)).toEqual({ reports: 1, versions: 1, auditEvents: 1 });
    expect(await db.source.count({ where: { name: input.source } })).toBe(1);
  });

  it.each([
    ["no paragraphs", [] as string[]],
    ["only blank paragraphs", ["   ", "\n\t"]],
  ])("a headline-only report (a flash, %s) is stored with an empty body, once", async (_case, paragraphs) => {
    const { editor, story } = await storyWithEditor();
    const input = buildReportInput(story.id, { paragraphs });

    const stored = await storeReport(editor.actor, input, "PASTE");

    expect(stored).toMatchObject({ outcome: "imported", version: 1 });
    expect(await db.reportVersion.findFirstOrThrow({ where: { reportId: stored.reportId } })).toMatchObject({ headline: input.headline, bodyText: "", bodyHtml: "" });
    expect(await storeReport(editor.actor, input, "PASTE")).toMatchObject({ outcome: "duplicate", reportId: stored.reportId });
    expect(await countsFor(story.id)).toEqual({ reports: 1, versions: 1, auditEvents: 1 });
  });

  it("a report for a story that does not exist is not found", async () => {
    const { editor } = await storyWithEditor();
    const error = await domainErrorFrom(storeReport(editor.actor, buildReportInput(randomUUID()), "PASTE"));
    expect(error.kind).toBe("not_found");
    expect(error.message).toBe("That story was not found.");
  });

  it("sources are one per outlet however their name is capitalised or spaced", async () => {
    const { editor, story } = await storyWithEditor();
    const name = `Kestrel Press ${uniqueToken()}`;

    const first = await storeReport(editor.actor, buildReportInput(story.id, { source: name }), "PASTE");
    const second = await storeReport(editor.actor, buildReportInput(story.id, { source: `  ${name.toUpperCase().replace(" ", "   ")} ` }), "PASTE");

    const reports = await db.report.findMany({ where: { id: { in: [first.reportId, second.reportId] } }, select: { sourceId: true } });
    expect(reports).toHaveLength(2);
    expect(reports[0]!.sourceId).not.toBeNull();
    expect(reports[0]!.sourceId).toBe(reports[1]!.sourceId);
  });
});
