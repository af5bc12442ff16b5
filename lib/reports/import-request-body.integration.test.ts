import { describe, expect, it } from "vitest";
import { buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { importRequestBody, importStatus } from "./import-request-body";

const json = (value: unknown) => ({ format: "json" as const, bytes: new TextEncoder().encode(JSON.stringify(value)), contentType: "application/json" });

async function tokenDesk(): Promise<{ actor: Actor; storyId: string; adminId: string }> {
  const admin = await buildUser({ role: "ADMIN" });
  const story = await buildStory(admin.actor);
  const { token } = await createApiToken(admin.actor, { name: "Wire bridge" });
  return { actor: await authenticateApiToken(`Bearer ${token}`), storyId: story.id, adminId: admin.id };
}

function wireReport(overrides: Record<string, unknown> = {}) {
  const tag = uniqueToken();
  return {
    source: "Northwire",
    externalId: `urn:northwire:${tag}`,
    headline: `Bridge reopens after inspection (${tag})`,
    byline: "Staff",
    dateline: "KELMORE, Jun 2",
    publishedAt: "2026-06-02T09:30:00Z",
    body: `The invented Kelmore bridge reopened on Monday, officials said.\n\nEngineers found no damage. Ref ${tag}.`,
    ...overrides,
  };
}

describe("pushing a normalized report over HTTP", () => {
  it("a report with a plain body is imported with one paragraph per blank-line block; the same again is a duplicate", async () => {
    const { actor, storyId } = await tokenDesk();
    const report = wireReport();

    const first = await importRequestBody(actor, storyId, json(report));
    expect(first).toEqual([{ item: null, outcome: "imported", reportId: expect.any(String), version: 1, headline: report.headline, reason: null }]);
    expect(importStatus(first)).toBe(201);
    const stored = await db.reportVersion.findFirstOrThrow({ where: { reportId: first[0]!.reportId! } });
    expect(stored.bodyText.split("\n\n")).toHaveLength(2);
    expect(stored).toMatchObject({ channel: "API", apiTokenId: actor.apiTokenId });

    const again = await importRequestBody(actor, storyId, json(report));
    expect(again[0]).toMatchObject({ outcome: "duplicate", reportId: first[0]!.reportId, version: 1 });
    expect(importStatus(again)).toBe(200);
  });

  it("a changed body under the same external id becomes version 2 of the same report", async () => {
    const { actor, storyId } = await tokenDesk();
    const report = wireReport();
    const [first] = await importRequestBody(actor, storyId, json(report));
    const [second] = await importRequestBody(actor, storyId, json({ ...report, body: `${report.body}\n\nUpdated: one lane stays closed.` }));
    expect(second).toMatchObject({ outcome: "new_version", reportId: first!.reportId, version: 2 });
  });

  it("an array imports each report on its own; a bad item is refused with its reason and the rest still land", async () => {
    const { actor, storyId } = await tokenDesk();
    const good = wireReport();
    const lines = await importRequestBody(actor, storyId, json([good, { ...wireReport(), headline: "" }, "not a report", wireReport({ paragraphs: ["A", "B"], body: undefined })]));
    expect(lines.map((line) => [line.item, line.outcome])).toEqual([
      [1, "imported"],
      [2, "rejected"],
      [3, "rejected"],
      [4, "imported"],
    ]);
    expect(lines[1]).toMatchObject({ reason: "A report needs a headline.", fieldErrors: { headline: "A report needs a headline." } });
    expect(lines[2]!.reason).toBe("Item 3 is not a JSON object.");
    expect(importStatus(lines)).toBe(201);
  });

  it("a single invalid report is refused with a message per field and stores nothing", async () => {
    const { actor, storyId } = await tokenDesk();
    const before = await db.report.count({ where: { storyId } });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [wireReport({ source: "" }), "source", /Name the source/],
      [wireReport({ url: "javascript:alert(1)" }), "url", /http\(s\)/],
      [wireReport({ body: undefined }), "body", /no body/],
      [wireReport({ paragraphs: ["x"] }), "body", /either body or paragraphs/],
      [wireReport({ headLine: "typo" }), "form", /Unknown field “headLine”/],
      [wireReport({ body: "   \n\n  " }), "body", /body is empty/],
    ];
    for (const [input, field, message] of cases) {
      const error = await domainErrorFrom(importRequestBody(actor, storyId, json(input)));
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors[field]).toMatch(message);
    }
    expect(await db.report.count({ where: { storyId } })).toBe(before);
  });

  it("broken JSON, an empty body, an empty array and a bare string are refused with a message", async () => {
    const { actor, storyId } = await tokenDesk();
    const raw = (text: string) => ({ format: "json" as const, bytes: new TextEncoder().encode(text), contentType: "application/json" });
    const cases: [ReturnType<typeof raw>, RegExp][] = [
      [raw('{"headline": "unterminated'), /not valid JSON/],
      [raw(""), /empty/],
      [raw("[]"), /array is empty/],
      [raw('"just a string"'), /JSON object/],
      [{ format: "json", bytes: new Uint8Array([0x7b, 0xff, 0x7d]), contentType: "application/json" }, /UTF-8/],
      [{ ...raw("{}"), contentType: "application/json; charset=iso-8859-1" }, /UTF-8/],
    ];
    for (const [body, message] of cases) {
      const error = await domainErrorFrom(importRequestBody(actor, storyId, body));
      expect(error.kind).toBe("invalid");
      expect(error.message).toMatch(message);
    }
  });

  it("an unknown or malformed story id is not found", async () => {
    const { actor } = await tokenDesk();
    for (const storyId of ["0190a0b0-0000-7000-8000-000000000000", "not-a-uuid"]) {
      expect((await domainErrorFrom(importRequestBody(actor, storyId, json(wireReport())))).kind).toBe("not_found");
    }
  });

  it("the story comes from the URL: a storyId inside the body is refused, not followed", async () => {
    const { actor, storyId } = await tokenDesk();
    const other = await tokenDesk();
    const error = await domainErrorFrom(importRequestBody(actor, storyId, json(wireReport({ storyId: other.storyId }))));
    expect(error.fieldErrors.form).toMatch(/Unknown field “storyId”/);
    expect(await db.report.count({ where: { storyId: other.storyId } })).toBe(0);
  });
});

describe("the same report pushed by many clients at once", () => {
  it("ten identical requests at the same moment leave one report with one version", async () => {
    const { actor, storyId } = await tokenDesk();
    const report = wireReport();
    const results = await Promise.all(Array.from({ length: 10 }, () => importRequestBody(actor, storyId, json(report))));
    const outcomes = results.map((lines) => lines[0]!.outcome).sort();
    expect(outcomes.filter((outcome) => outcome === "imported")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(9);
    expect(new Set(results.map((lines) => lines[0]!.reportId)).size).toBe(1);
    expect(await db.report.count({ where: { storyId, externalId: report.externalId } })).toBe(1);
    expect(await db.reportVersion.count({ where: { report: { storyId } } })).toBe(1);
  });

  it("two different bodies for one external id at once become versions 1 and 2, with no gap", async () => {
    const { actor, storyId } = await tokenDesk();
    const report = wireReport();
    const changed = { ...report, body: `${report.body}\n\nCorrection: the bridge opened on Tuesday.` };
    const bodies = Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? report : changed));
    await Promise.all(bodies.map((body) => importRequestBody(actor, storyId, json(body))));
    const reports = await db.report.findMany({ where: { storyId }, select: { currentVersion: true, versions: { select: { version: true }, orderBy: { version: "asc" } } } });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.currentVersion).toBe(2);
    expect(reports[0]!.versions.map((version) => version.version)).toEqual([1, 2]);
  });

  it("ten identical reports without an external id at once are one report, found by its text", async () => {
    const { actor, storyId } = await tokenDesk();
    const report = wireReport({ externalId: null });
    await Promise.all(Array.from({ length: 10 }, () => importRequestBody(actor, storyId, json(report))));
    expect(await db.report.count({ where: { storyId } })).toBe(1);
  });
});

describe("raw ninjs and NewsML-G2 over HTTP", () => {
  it("a ninjs document goes through the ninjs parser and keeps its uri as the external id", async () => {
    const { actor, storyId } = await tokenDesk();
    const uri = `urn:newsml:northwire.example:${uniqueToken()}`;
    const ninjs = {
      uri,
      type: "text",
      version: "1",
      versioncreated: "2026-06-02T10:00:00Z",
      language: "en",
      headlines: [{ role: "main", value: "Harbour cranes idle as strike enters day two" }],
      bodies: [{ role: "main", contentType: "text/plain", value: "Dock workers at the invented port of Selby stayed out.\n\nTalks resume on Friday." }],
    };
    const lines = await importRequestBody(actor, storyId, { ...json(ninjs), defaultSource: "Northwire" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outcome: "imported", headline: "Harbour cranes idle as strike enters day two" });
    const report = await db.report.findUniqueOrThrow({ where: { id: lines[0]!.reportId! } });
    expect(report.externalId).toBe(uri);
  });

  it("a NewsML-G2 message with two items imports both, each with its own line", async () => {
    const { actor, storyId } = await tokenDesk();
    const tag = uniqueToken();
    const item = (n: number) => `
      <newsItem guid="urn:newsml:northwire.example:${tag}-${n}" version="1" standard="NewsML-G2" standardversion="2.33">
        <itemMeta><itemClass qcode="ninat:text"/><provider literal="Northwire"/><versionCreated>2026-06-02T10:0${n}:00Z</versionCreated></itemMeta>
        <contentMeta><headline>Item ${n} about the invented Selby port (${tag})</headline><language tag="en"/></contentMeta>
        <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>Paragraph one of item ${n}.</p><p>Paragraph two.</p></body.content></body></nitf></inlineXML></contentSet>
      </newsItem>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2026-06-02T10:05:00Z</sent></header><itemSet>${item(1)}${item(2)}</itemSet></newsMessage>`;
    const lines = await importRequestBody(actor, storyId, { format: "xml", bytes: new TextEncoder().encode(xml), contentType: "application/xml" });
    expect(lines.map((line) => line.outcome)).toEqual(["imported", "imported"]);
  });

  it("malformed XML is refused with the parser's reason, not an error page", async () => {
    const { actor, storyId } = await tokenDesk();
    const lines = await importRequestBody(actor, storyId, { format: "xml", bytes: new TextEncoder().encode("<newsItem><unclosed></newsItem>"), contentType: "text/xml" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outcome: "rejected", reason: expect.stringMatching(/request body/) });
    expect(importStatus(lines)).toBe(422);
  });
});

describe("notices pushed over HTTP", () => {
  it("a ninjs kill through an API token kills the report (201), and a kill for an unknown id is refused (422)", async () => {
    const { actor, storyId } = await tokenDesk();
    const uri = `urn:northwire:${uniqueToken()}`;
    const item = { uri, headline: "Kelmore bridge cracked", copyrightholder: "Northwire", body_text: "Inspectors found a crack in the invented Kelmore bridge, officials said." };
    await importRequestBody(actor, storyId, json(item));

    const killed = await importRequestBody(actor, storyId, json({ ...item, pubstatus: "canceled", headline: "KILL: Kelmore bridge cracked", body_text: "Northwire withdraws this story." }));
    expect(killed).toMatchObject([{ outcome: "killed" }]);
    expect(importStatus(killed)).toBe(201);
    expect(await db.report.count({ where: { storyId, killedAt: { not: null } } })).toBe(1);

    const unknown = await importRequestBody(actor, storyId, json({ ...item, uri: `urn:northwire:${uniqueToken()}`, pubstatus: "canceled" }));
    expect(unknown).toMatchObject([{ outcome: "rejected", reason: expect.stringMatching(/no report with the external id/) }]);
    expect(importStatus(unknown)).toBe(422);
  });
});
