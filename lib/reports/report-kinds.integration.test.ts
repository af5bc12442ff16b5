import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acknowledgeClaimFlag } from "@/lib/claims/acknowledge-claim-flag";
import { tagClaim } from "@/lib/claims/tag-claim";
import { listSuggestions } from "@/lib/claims/suggestions";
import { analyzeReport } from "@/lib/facts/analyze-report";
import { buildClaim, buildExplainer, buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { importUploadedFiles } from "./import-files";
import { killReport } from "./kill-report";
import { listHeldReports, listReports } from "./list-reports";
import { getReport } from "./get-report";
import { storeReport } from "./store-report";
import type { UploadedFile } from "./parse/types";

const encode = (text: string) => new TextEncoder().encode(text);
const ninjs = (name: string, fields: Record<string, unknown>): UploadedFile => ({ name, bytes: encode(JSON.stringify(fields)), contentType: "application/json" });

/** An invented dam-breach report from an invented agency, in ninjs. */
function damItem(uri: string, extra: Record<string, unknown> = {}) {
  return {
    uri,
    version: "1",
    versioncreated: "2031-04-02T06:00:00Z",
    headline: "Floodwater breaches the Harrow dam spillway",
    copyrightholder: "Calder Wire",
    body_text: "Floodwater broke through the spillway of the Harrow dam before dawn, the regional water board said.\n\nAt least 300 people were moved from villages downstream.",
    ...extra,
  };
}

async function setting() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  return { editor, story };
}

describe("kill notices", () => {
  it("kill the matching report, flag its claims and every explainer citing them, and audit it", async () => {
    const { editor, story } = await setting();
    const uri = `urn:calder:${uniqueToken()}`;
    const [imported] = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("dam.json", damItem(uri))], "UPLOAD");
    const reportId = imported!.reportId!;
    const claim = await buildClaim({ storyId: story.id, reportId, createdById: editor.id, status: "VERIFIED" });
    const explainer = await buildExplainer({ storyId: story.id, createdById: editor.id, state: "APPROVED" });
    const revision = await db.explainerRevision.create({
      data: { explainerId: explainer.id, number: 1, title: "What we know", content: {}, createdById: editor.id, citations: { create: { claimId: claim.id, status: "VERIFIED" } } },
    });
    await db.explainer.update({ where: { id: explainer.id }, data: { approvedRevisionId: revision.id } });

    const kill = damItem(uri, { pubstatus: "canceled", headline: "KILL: Floodwater breaches the Harrow dam spillway", body_text: "Calder Wire withdraws this story. The water board has not confirmed a breach." });
    const results = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("kill.json", kill)], "UPLOAD");
    expect(results).toMatchObject([{ outcome: "killed", reportId }]);

    const report = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.killedAt).toBeInstanceOf(Date);
    expect(report.killNote).toContain("withdraws this story");
    expect(await db.reportVersion.count({ where: { reportId } })).toBe(1);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).flagReason).toMatch(/killed by the source/);
    const flagged = await db.explainer.findUniqueOrThrow({ where: { id: explainer.id } });
    expect(flagged).toMatchObject({ needsReReview: true });
    expect(flagged.reReviewReason).toMatch(/killed by its source/);
    expect(await db.auditEvent.count({ where: { entityId: reportId, action: "report.kill" } })).toBe(1);

    // an editor who has dealt with a flagged claim clears the flag; a viewer or a stale version cannot
    const viewer = await buildUser({ role: "VIEWER" });
    expect((await domainErrorFrom(acknowledgeClaimFlag(viewer.actor, { claimId: claim.id, version: 1 }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(acknowledgeClaimFlag(editor.actor, { claimId: claim.id, version: 7 }))).kind).toBe("conflict");
    const cleared = await acknowledgeClaimFlag(editor.actor, { claimId: claim.id, version: 1 });
    expect(cleared).toMatchObject({ flagReason: null, version: 2 });
    expect(await db.auditEvent.count({ where: { entityId: claim.id, action: "claim.flag_acknowledged" } })).toBe(1);

    // the same notice again changes nothing
    const again = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("kill.json", kill)], "UPLOAD");
    expect(again).toMatchObject([{ outcome: "duplicate", reportId }]);
    // and nothing more can be tagged in a killed report
    const refused = await domainErrorFrom(tagClaim(editor.actor, { storyId: story.id, reportId, reportVersion: 1, start: 0, end: 10, statement: "Floodwater broke through" }));
    expect(refused.kind).toBe("invalid");
  });

  it("refuse a kill for a report the story does not have, and store nothing", async () => {
    const { editor, story } = await setting();
    const kill = damItem(`urn:calder:${uniqueToken()}`, { pubstatus: "canceled" });
    const results = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("kill.json", kill)], "UPLOAD");
    expect(results).toMatchObject([{ outcome: "rejected", reportId: null }]);
    expect(results[0]!.reason).toMatch(/no report with the external id/);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(0);
  });

  it("refuse a kill that names another source than the report's", async () => {
    const { editor, story } = await setting();
    const uri = `urn:calder:${uniqueToken()}`;
    await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("dam.json", damItem(uri))], "UPLOAD");
    const error = await domainErrorFrom(killReport(editor.actor, { storyId: story.id, externalId: uri, source: "Some Other Wire", note: "KILL" }));
    expect(error.message).toMatch(/comes from Some Other Wire/);
    expect(await db.report.count({ where: { storyId: story.id, killedAt: { not: null } } })).toBe(0);
  });

  it("may not be applied by a viewer", async () => {
    const { story } = await setting();
    const viewer = await buildUser({ role: "VIEWER" });
    expect((await domainErrorFrom(killReport(viewer.actor, { storyId: story.id, externalId: "urn:x", note: "" }))).kind).toBe("forbidden");
  });
});

describe("corrections, embargoes, flashes and credits", () => {
  it("a correction becomes a new version that says so, with the source's note", async () => {
    const { editor, story } = await setting();
    const uri = `urn:calder:${uniqueToken()}`;
    await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("dam.json", damItem(uri))], "UPLOAD");
    const corrected = damItem(uri, {
      version: "2",
      ednote: "Corrects number of people moved to 30, not 300",
      body_text: "Floodwater broke through the spillway of the Harrow dam before dawn, the regional water board said.\n\nAt least 30 people were moved from villages downstream.",
    });
    const [line] = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("dam-2.json", corrected)], "UPLOAD");
    expect(line).toMatchObject({ outcome: "new_version", version: 2 });
    const view = await getReport(editor.actor, story.id, line!.reportId!);
    expect(view.versions.map((version) => [version.version, version.isCorrection])).toEqual([[1, false], [2, true]]);
    expect(view.shown.correctionNote).toBe("The source sent this version as a correction.");
    expect(await db.auditEvent.count({ where: { entityId: line!.reportId!, action: "report.correction" } })).toBe(1);
  });

  it("an embargoed item is stored but held: not listed, not suggested, not taggable, shown apart with its time", async () => {
    const { editor, story } = await setting();
    const until = new Date(Date.now() + 6 * 3600_000);
    const [line] = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("embargo.json", damItem(`urn:calder:${uniqueToken()}`, { embargoed: until.toISOString() }))], "UPLOAD");
    expect(line).toMatchObject({ outcome: "held", version: 1, embargoedUntil: until.toISOString() });
    expect((await listReports(editor.actor, story.id, {})).reports).toHaveLength(0);
    expect(await listHeldReports(editor.actor, story.id)).toMatchObject([{ id: line!.reportId, embargoedUntil: until }]);
    expect(await listSuggestions(editor.actor, story.id)).toHaveLength(0);
    const error = await domainErrorFrom(tagClaim(editor.actor, { storyId: story.id, reportId: line!.reportId, reportVersion: 1, start: 0, end: 10, statement: "Floodwater" }));
    expect(error.message).toMatch(/under embargo/);

    // once the time has passed it is an ordinary report
    await db.report.update({ where: { id: line!.reportId! }, data: { embargoedUntil: new Date(Date.now() - 1000) } });
    expect((await listReports(editor.actor, story.id, {})).reports.map((report) => report.id)).toEqual([line!.reportId]);
    expect(await listHeldReports(editor.actor, story.id)).toHaveLength(0);
  });

  it("an embargoed item that gives no release time is refused with the reason", async () => {
    const { editor, story } = await setting();
    const [line] = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("embargo.json", damItem(`urn:calder:${uniqueToken()}`, { pubstatus: "embargoed" }))], "UPLOAD");
    expect(line).toMatchObject({ outcome: "rejected" });
    expect(line!.reason).toMatch(/does not say until when/);
  });

  it("a headline-only flash is stored with an empty body: no suggestions, no claim can be tagged, and its later full text re-anchors nothing", async () => {
    const { editor, story } = await setting();
    const uri = `urn:calder:${uniqueToken()}`;
    const flash = { uri, version: "1", versioncreated: "2031-04-02T05:10:00Z", headline: "FLASH: Harrow dam spillway breached - water board", copyrightholder: "Calder Wire" };
    const [line] = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("flash.json", flash)], "UPLOAD");
    expect(line).toMatchObject({ outcome: "imported", version: 1 });
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId: line!.reportId! } });
    expect(version).toMatchObject({ bodyText: "", bodyHtml: "" });
    expect(await db.claimSuggestion.count({ where: { reportId: line!.reportId! } })).toBe(0);
    const error = await domainErrorFrom(tagClaim(editor.actor, { storyId: story.id, reportId: line!.reportId, reportVersion: 1, start: 0, end: 5, statement: "Harrow" }));
    expect(error.kind).toBe("invalid");

    // the same flash again is a duplicate; the full story under the same id is version 2
    expect(await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("flash.json", flash)], "UPLOAD")).toMatchObject([{ outcome: "duplicate" }]);
    expect(await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("dam.json", damItem(uri))], "UPLOAD")).toMatchObject([{ outcome: "new_version", version: 2 }]);
  });

  it("keeps the credit line on the version", async () => {
    const { editor, story } = await setting();
    const text = `Dam repairs begin\nBy Anja Voss\n\nHARROW (Kestrel Press) - Engineers began repairing the Harrow spillway on Thursday, ${uniqueToken()}.\nThe Orrin News Agency reported that 12 pumps had arrived.`;
    const [line] = await importUploadedFiles(editor.actor, { storyId: story.id }, [{ name: "repairs.txt", bytes: encode(text), contentType: "text/plain" }], "UPLOAD");
    expect(line).toMatchObject({ outcome: "imported" });
    const view = await getReport(editor.actor, story.id, line!.reportId!);
    expect(view).toMatchObject({ source: "Kestrel Press", shown: { credit: "Orrin News Agency" } });
  });
});

describe("batches report per item", () => {
  it("a batch without a default source imports the files that name theirs and refuses only the others", async () => {
    const { editor, story } = await setting();
    const results = await importUploadedFiles(
      editor.actor,
      { storyId: story.id, defaultSource: null },
      [
        ninjs("named.json", damItem(`urn:calder:${uniqueToken()}`)),
        { name: "unnamed.txt", bytes: encode(`Spillway repaired\n\nThe spillway was repaired overnight, ${uniqueToken()}.`), contentType: "text/plain" },
      ],
      "UPLOAD",
    );
    expect(results.map((result) => [result.file, result.outcome])).toEqual([
      ["named.json", "imported"],
      ["unnamed.txt", "rejected"],
    ]);
    expect(results[1]!.reason).toMatch(/does not name its source/);
  });

  it("feed entries the parser left out are refused lines with their reason, beside the imported ones", async () => {
    const { editor, story } = await setting();
    const token = uniqueToken();
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Calder Wire</title><link>https://calder.example/</link>
      <item><title>Dam spillway breached ${token}</title><guid>urn:calder:${token}:1</guid><description>Floodwater broke through the spillway before dawn, the water board said.</description><pubDate>Wed, 02 Apr 2031 06:00:00 GMT</pubDate></item>
      <item><guid>urn:calder:${token}:2</guid></item>
    </channel></rss>`;
    const results = await importUploadedFiles(editor.actor, { storyId: story.id, defaultSource: "Calder Wire" }, [{ name: "feed.rss", bytes: encode(rss), contentType: "application/rss+xml" }], "UPLOAD");
    expect(results.map((result) => result.outcome)).toEqual(["imported", "rejected"]);
    expect(results[1]!.reason).toBeTruthy();
  });

  it("edits from the preview are applied, and a bad edit refuses only its own item with the field named", async () => {
    const { editor, story } = await setting();
    const good = ninjs("a.json", damItem(`urn:calder:${uniqueToken()}`));
    const other = ninjs("b.json", damItem(`urn:calder:${uniqueToken()}`));
    const results = await importUploadedFiles(editor.actor, { storyId: story.id }, [good, other], "UPLOAD", [
      [{ item: 0, headline: "Harrow dam spillway gives way", source: "Calder Wire Service", language: "en-GB", publishedAt: "2031-04-02T06:30" }],
      [{ item: 0, headline: "   " }],
    ]);
    expect(results.map((result) => result.outcome)).toEqual(["imported", "rejected"]);
    expect(results[1]!.reason).toBe("Headline: A report needs a headline.");
    const view = await getReport(editor.actor, story.id, results[0]!.reportId!);
    expect(view).toMatchObject({ headline: "Harrow dam spillway gives way", source: "Calder Wire Service", shown: { language: "en-GB", publishedAt: new Date("2031-04-02T06:30:00Z") } });
  });
});

describe("a killed report in the facts", () => {
  it("no longer counts as an independent outlet, and analysis does not put it back", async () => {
    const { editor, story } = await setting();
    const seized = "Rebel fighters seized the Tel Hamra crossing on Thursday after a day of heavy clashes.";
    const captured = "Insurgents captured the Tel Hamra border crossing on Thursday following heavy fighting.";
    const uri = `wire-${uniqueToken()}`;
    const meridian = await storeReport(editor.actor, buildReportInput(story.id, { source: "Meridian Press", externalId: uri, paragraphs: [captured] }), "UPLOAD");
    const northgate = await storeReport(editor.actor, buildReportInput(story.id, { source: "Northgate News Agency", externalId: `wire-${uniqueToken()}`, paragraphs: [seized] }), "UPLOAD");
    await analyzeReport(meridian.reportId);
    await analyzeReport(northgate.reportId);
    const factOfNorthgate = async () => {
      const member = await db.claimSuggestion.findFirstOrThrow({ where: { reportId: northgate.reportId }, select: { factId: true } });
      return db.fact.findUniqueOrThrow({ where: { id: member.factId! }, select: { sources: true, sourceCount: true } });
    };
    expect(await factOfNorthgate()).toEqual({ sources: ["Meridian Press", "Northgate News Agency"], sourceCount: 2 });

    await killReport(editor.actor, { storyId: story.id, externalId: uri, source: "Meridian Press", note: "KILL" });
    expect(await factOfNorthgate()).toEqual({ sources: ["Northgate News Agency"], sourceCount: 1 });
    await analyzeReport(meridian.reportId);
    expect(await factOfNorthgate()).toEqual({ sources: ["Northgate News Agency"], sourceCount: 1 });
    expect(await db.claimSuggestion.count({ where: { reportId: meridian.reportId, factId: { not: null } } })).toBe(0);
  });
});

describe("a report whose new version is headline-only", () => {
  it("keeps its claims as orphans for an editor, never drops them", async () => {
    const { editor, story } = await setting();
    const uri = `urn:calder:${uniqueToken()}`;
    const [first] = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("dam.json", damItem(uri))], "UPLOAD");
    const claim = await buildClaim({ storyId: story.id, reportId: first!.reportId!, createdById: editor.id });
    const flash = { uri, version: "2", versioncreated: "2031-04-02T07:00:00Z", headline: "UPDATE: Harrow dam breach - details to follow", copyrightholder: "Calder Wire" };
    const [second] = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("dam-2.json", flash)], "UPLOAD");
    expect(second).toMatchObject({ outcome: "new_version", version: 2 });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { anchorState: true } })).toEqual({ anchorState: "ORPHANED" });
  });
});
