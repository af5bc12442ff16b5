import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildStory, buildUser, uniqueToken } from "@/lib/testing/factories";
import { importUploadedFiles } from "./import-files";
import { MAX_BATCH_FILES } from "./upload-limits";
import type { UploadedFile } from "./parse/types";

const encode = (text: string) => new TextEncoder().encode(text);

function ninjsFile(name: string, fields: Record<string, unknown>): UploadedFile {
  return { name, bytes: encode(JSON.stringify(fields)), contentType: "application/json" };
}

function ferryItem(uri: string, count: number) {
  return {
    uri,
    version: "1",
    versioncreated: "2026-12-03T08:00:00Z",
    headline: "Ferry halted after hull breach",
    copyrightholder: "Harbour Line News",
    body_text: `The ferry stopped running after a hull breach, the operator said.\n\nAt least ${count} passengers were moved to another boat.`,
  };
}

describe("importing a batch of files", () => {
  it("imports the good files and rejects the bad one with a reason that names it", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const results = await importUploadedFiles(
      editor.actor,
      { storyId: story.id },
      [
        ninjsFile("ferry.json", ferryItem(`urn:test:${uniqueToken()}`, 40)),
        { name: "broken.xml", bytes: encode('<?xml version="1.0"?>\n<newsItem guid="x">\n<contentMeta>\n<headline>Cut'), contentType: "application/xml" },
        { name: "notes.txt", bytes: encode("Harbour reopens\n\nThe harbour reopened at noon, officials said."), contentType: "text/plain" },
      ],
      "UPLOAD",
    );
    expect(results.map((result) => [result.file, result.outcome])).toEqual([
      ["ferry.json", "imported"],
      ["broken.xml", "rejected"],
      ["notes.txt", "rejected"],
    ]);
    expect(results[1]!.reason).toMatch(/line \d+/i);
    // plain text names no source: it is refused until the editor gives a default source
    expect(results[2]!.reason).toMatch(/source/i);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(1);
  });

  it("stores the dek beside the text and each paragraph's kind, leaving the text as written", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const headline = `Harbour reopens ${uniqueToken()}`;
    const text = [headline, "Ferries run again after a week of storms", "By Ilse Marrow | Harbour Line News", "", "The harbour reopened at noon, officials said.", "", "Timetable", "- First ferry at 13:00.", "- Last ferry at 21:30.", "", "Tickets bought last week remain valid."].join("\n");
    const [result] = await importUploadedFiles(editor.actor, { storyId: story.id }, [{ name: "harbour.txt", bytes: encode(text), contentType: "text/plain" }], "UPLOAD");
    expect(result!.outcome).toBe("imported");
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId: result!.reportId! } });
    expect(version).toMatchObject({
      dek: "Ferries run again after a week of storms",
      bodyText: "The harbour reopened at noon, officials said.\n\nTimetable\n\n- First ferry at 13:00.\n\n- Last ferry at 21:30.\n\nTickets bought last week remain valid.",
      paragraphKinds: ["paragraph", "subhead", "bullet", "bullet", "paragraph"],
    });
  });

  it("takes a dek the editor changed in the preview, and stores a report without structure with no kinds", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const [result] = await importUploadedFiles(
      editor.actor,
      { storyId: story.id, defaultSource: "Valley Courier" },
      [{ name: "notes.txt", bytes: encode(`Harbour reopens ${uniqueToken()}\n\nThe harbour reopened at noon, officials said.`), contentType: "text/plain" }],
      "UPLOAD",
      [[{ item: 0, dek: "Ferries run again" }]],
    );
    expect(result!.outcome).toBe("imported");
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId: result!.reportId! } });
    expect(version).toMatchObject({ dek: "Ferries run again", paragraphKinds: [] });
  });

  it("uses the default source for files that name none", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const [result] = await importUploadedFiles(
      editor.actor,
      { storyId: story.id, defaultSource: "Valley Courier" },
      [{ name: "notes.txt", bytes: encode(`Harbour reopens ${uniqueToken()}\n\nThe harbour reopened at noon, officials said.`), contentType: "text/plain" }],
      "UPLOAD",
    );
    expect(result!.outcome).toBe("imported");
    const report = await db.report.findUniqueOrThrow({ where: { id: result!.reportId! }, include: { source: true } });
    expect(report.source?.name).toBe("Valley Courier");
  });

  it("treats a re-upload as already imported, and a changed body under the same id as a new version", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const uri = `urn:test:${uniqueToken()}`;
    const first = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjsFile("a.json", ferryItem(uri, 40))], "UPLOAD");
    const again = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjsFile("a-again.json", ferryItem(uri, 40))], "UPLOAD");
    const corrected = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjsFile("a-v2.json", ferryItem(uri, 14))], "UPLOAD");
    expect([first[0]!.outcome, again[0]!.outcome, corrected[0]!.outcome]).toEqual(["imported", "duplicate", "new_version"]);
    expect(corrected[0]!.version).toBe(2);
    expect(new Set([first[0]!.reportId, again[0]!.reportId, corrected[0]!.reportId]).size).toBe(1);
  });

  it("stores sanitized markup: scripts and event handlers never reach the page", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const [result] = await importUploadedFiles(
      editor.actor,
      { storyId: story.id },
      [
        ninjsFile("hostile.json", {
          uri: `urn:test:${uniqueToken()}`,
          headline: "Harbour statement",
          copyrightholder: "Harbour Line News",
          body_html: '<p onclick="steal()">The harbour <a href="javascript:alert(1)">reopened</a>.</p><script>alert(1)</script><iframe src="https://example.com"></iframe><p>Officials confirmed it.</p>',
        }),
      ],
      "UPLOAD",
    );
    expect(result!.outcome).toBe("imported");
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId: result!.reportId! } });
    for (const forbidden of ["<script", "onclick", "javascript:", "<iframe"]) expect(version.bodyHtml).not.toContain(forbidden);
    expect(version.bodyText).toContain("The harbour reopened.");
  });

  it("refuses a batch over the file-count limit without importing any of it", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const files = Array.from({ length: MAX_BATCH_FILES + 1 }, (_, index) => ninjsFile(`f${index}.json`, ferryItem(`urn:test:${uniqueToken()}`, index)));
    const results = await importUploadedFiles(editor.actor, { storyId: story.id }, files, "UPLOAD");
    expect(results.every((result) => result.outcome === "rejected")).toBe(true);
    expect(results[0]!.reason).toContain(`at most ${MAX_BATCH_FILES} files`);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(0);
  });

  it("imports every item of a feed as its own report", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const tag = uniqueToken();
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Estuary Wire</title><link>https://example.com</link><description>Feed</description>
<item><title>First ${tag}</title><guid>urn:feed:${tag}:1</guid><description>The first item says the ferry stopped.</description></item>
<item><title>Second ${tag}</title><guid>urn:feed:${tag}:2</guid><description>The second item says the ferry resumed.</description></item>
</channel></rss>`;
    const results = await importUploadedFiles(editor.actor, { storyId: story.id }, [{ name: "feed.xml", bytes: encode(rss), contentType: "application/rss+xml" }], "UPLOAD");
    expect(results.map((result) => [result.item, result.outcome])).toEqual([
      [1, "imported"],
      [2, "imported"],
    ]);
  });
});
