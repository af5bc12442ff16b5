import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { analyzeReport } from "@/lib/facts/analyze-report";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { correctReportMetadata, STALE_REPORT_METADATA } from "./correct-report-metadata";
import { getReport } from "./get-report";
import { storeReport } from "./store-report";

/* Invented copy: two outlets report the same seizure of a crossing. */
const SEIZED = "Rebel fighters seized the Tel Hamra crossing on Thursday after a day of heavy clashes.";
const CAPTURED = "Insurgents captured the Tel Hamra border crossing on Thursday following heavy fighting.";

async function deskReport(source = "Meridian Press", paragraphs?: string[]) {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  const input = buildReportInput(story.id, { source, externalId: `wire-${uniqueToken()}`, ...(paragraphs ? { paragraphs } : {}) });
  const stored = await storeReport(editor.actor, input, "UPLOAD");
  return { editor, story, reportId: stored.reportId };
}

function correction(storyId: string, reportId: string, version: number, fields: Partial<Record<string, string>> = {}) {
  return { storyId, reportId, version, headline: "Crossing falls to rebels", source: "Meridian Press", byline: "Ana Serr", dateline: "TEL HAMRA, Apr 3", publishedAt: "2031-04-03T07:45", language: "en", ...fields };
}

describe("correcting a report's metadata", () => {
  it("changes the details on the current version, bumps the version and audits before and after", async () => {
    const { editor, story, reportId } = await deskReport();
    const result = await correctReportMetadata(editor.actor, correction(story.id, reportId, 1));
    expect(result).toMatchObject({ version: 2 });
    expect(result.changed).toEqual(expect.arrayContaining(["headline", "byline", "dateline", "publishedAt"]));
    const view = await getReport(editor.actor, story.id, reportId);
    expect(view).toMatchObject({ headline: "Crossing falls to rebels", version: 2, shown: { byline: "Ana Serr", dateline: "TEL HAMRA, Apr 3", publishedAt: new Date("2031-04-03T07:45:00Z") } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: reportId, action: "report.correct_metadata" } });
    expect(audit.before).toMatchObject({ byline: "Test Desk", dateline: "LORVAN, Mar 4" });
    expect(audit.after).toMatchObject({ byline: "Ana Serr", headline: "Crossing falls to rebels" });
  });

  it("corrects the dek, audited; a correction that leaves the dek out keeps it", async () => {
    const { editor, story, reportId } = await deskReport();
    const first = await correctReportMetadata(editor.actor, correction(story.id, reportId, 1, { dek: "Fighters hold the customs post" }));
    expect(first.changed).toContain("dek");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: reportId, action: "report.correct_metadata" } });
    expect(audit.before).toMatchObject({ dek: null });
    expect(audit.after).toMatchObject({ dek: "Fighters hold the customs post" });
    // a form without the field changes nothing about the dek
    const second = await correctReportMetadata(editor.actor, correction(story.id, reportId, first.version, { headline: "Crossing falls" }));
    expect(second.changed).toEqual(["headline"]);
    expect((await getReport(editor.actor, story.id, reportId)).shown).toMatchObject({ dek: "Fighters hold the customs post", headline: "Crossing falls" });
    // an empty field clears it; one over 500 characters is refused with its own message
    const tooLong = await domainErrorFrom(correctReportMetadata(editor.actor, correction(story.id, reportId, second.version, { dek: "x".repeat(501) })));
    expect(tooLong.fieldErrors).toHaveProperty("dek");
    await correctReportMetadata(editor.actor, correction(story.id, reportId, second.version, { headline: "Crossing falls", dek: "" }));
    expect((await getReport(editor.actor, story.id, reportId)).shown.dek).toBeNull();
  });

  it("refuses a stale version with a conflict and changes nothing", async () => {
    const { editor, story, reportId } = await deskReport();
    await correctReportMetadata(editor.actor, correction(story.id, reportId, 1));
    const error = await domainErrorFrom(correctReportMetadata(editor.actor, correction(story.id, reportId, 1, { headline: "Another headline" })));
    expect(error).toMatchObject({ kind: "conflict", message: STALE_REPORT_METADATA });
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId } })).headline).toBe("Crossing falls to rebels");
  });

  it("refuses bad input with a message per field", async () => {
    const { editor, story, reportId } = await deskReport();
    const error = await domainErrorFrom(correctReportMetadata(editor.actor, correction(story.id, reportId, 1, { headline: " ", source: "", publishedAt: "next Tuesday", language: "english please" })));
    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["headline", "language", "publishedAt", "source"]);
    expect(await db.auditEvent.count({ where: { entityId: reportId, action: "report.correct_metadata" } })).toBe(0);
  });

  it("may not be done by a viewer, nor through an API token, nor on a report of another story", async () => {
    const { editor, story, reportId } = await deskReport();
    const viewer = await buildUser({ role: "VIEWER" });
    expect((await domainErrorFrom(correctReportMetadata(viewer.actor, correction(story.id, reportId, 1)))).kind).toBe("forbidden");
    expect((await domainErrorFrom(correctReportMetadata({ ...editor.actor, apiTokenId: "00000000-0000-7000-8000-000000000000" }, correction(story.id, reportId, 1)))).kind).toBe("forbidden");
    const other = await buildStory(editor.actor);
    expect((await domainErrorFrom(correctReportMetadata(editor.actor, correction(other.id, reportId, 1)))).kind).toBe("not_found");
  });

  it("a corrected outlet is reflected at once in the independent-outlet count of the facts the report is part of", async () => {
    const { editor, story, reportId } = await deskReport("Meridian Press", [CAPTURED]);
    const northgate = await storeReport(editor.actor, buildReportInput(story.id, { source: "Northgate News Agency", externalId: `wire-${uniqueToken()}`, paragraphs: [SEIZED] }), "UPLOAD");
    await analyzeReport(reportId);
    await analyzeReport(northgate.reportId);
    const factOf = async () => {
      const member = await db.claimSuggestion.findFirstOrThrow({ where: { reportId }, select: { factId: true } });
      return db.fact.findUniqueOrThrow({ where: { id: member.factId! }, select: { sources: true, sourceCount: true } });
    };
    expect(await factOf()).toEqual({ sources: ["Meridian Press", "Northgate News Agency"], sourceCount: 2 });

    // the "Meridian" copy was in fact Northgate's: one independent outlet, not two
    await correctReportMetadata(editor.actor, correction(story.id, reportId, 1, { source: "Northgate News Agency" }));
    expect(await factOf()).toEqual({ sources: ["Northgate News Agency"], sourceCount: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: reportId, action: "report.correct_metadata" } });
    expect(audit.before).toMatchObject({ source: "Meridian Press" });
    expect(audit.after).toMatchObject({ source: "Northgate News Agency" });
  });
});
