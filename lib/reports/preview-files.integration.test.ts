import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildStory, buildUser, uniqueToken } from "@/lib/testing/factories";
import { MAX_BATCH_FILES } from "./upload-limits";
import { PREVIEW_PARAGRAPHS, previewUploadedFiles } from "./preview-files";

const encode = (text: string) => new TextEncoder().encode(text);

/** Invented wire copy: a dam breach in a fictional valley, as an agency's plain text. */
const PLAIN = [
  "Harrow dam spillway gives way before dawn",
  "By Anja Voss",
  "",
  "HARROW (Calder Wire) - Floodwater broke through the spillway of the Harrow dam before dawn on 2 April 2031, the regional water board said.",
  "",
  "At least 300 people were moved from villages downstream.",
  "",
  "Schools in the valley will stay closed on Thursday.",
  "",
  "The board said engineers would inspect the dam wall at first light.",
].join("\n");

describe("previewing an import", () => {
  it("shows what each file would import as, and writes nothing", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const before = await db.report.count();
    const token = uniqueToken();
    const [plain, broken, flash] = await previewUploadedFiles(editor.actor, [
      { name: "dam.txt", bytes: encode(PLAIN), contentType: "text/plain" },
      { name: "broken.xml", bytes: encode('<?xml version="1.0"?>\n<newsItem guid="x">\n<contentMeta><headline>Cut'), contentType: "application/xml" },
      { name: "flash.json", bytes: encode(JSON.stringify({ uri: `urn:calder:${token}`, headline: "FLASH: Harrow dam breached", copyrightholder: "Calder Wire" })), contentType: "application/json" },
    ]);
    expect(plain).toMatchObject({ file: "dam.txt", format: "text", error: null });
    expect(plain!.items[0]).toMatchObject({ headline: "Harrow dam spillway gives way before dawn", outlet: "Calder Wire", byline: "Anja Voss", kind: "text", paragraphCount: 4 });
    expect(plain!.items[0]!.paragraphs).toHaveLength(PREVIEW_PARAGRAPHS);
    expect(broken).toMatchObject({ file: "broken.xml", items: [], error: { code: expect.any(String) } });
    expect(flash!.items[0]).toMatchObject({ headline: "FLASH: Harrow dam breached", paragraphCount: 0 });
    expect(await db.report.count()).toBe(before);
    expect(story.id).toBeTruthy();
  });

  it("shows the dek apart from the text, and marks bullets and sub-heads among the first paragraphs", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const text = [
      "Harrow dam spillway gives way before dawn",
      "Villages downstream emptied as the water board warns of a second surge",
      "By Anja Voss | Calder Wire",
      "",
      "HARROW - Floodwater broke through the spillway of the Harrow dam before dawn, the regional water board said.",
      "",
      "What we know",
      "• 300 people were moved from three villages.",
      "• Schools in the valley are closed.",
      "",
      "The board said engineers would inspect the wall at first light.",
      "",
      "Residents were told to stay away from the river banks.",
    ].join("\n");
    const [file] = await previewUploadedFiles(editor.actor, [{ name: "dam-dek.txt", bytes: encode(text), contentType: "text/plain" }]);
    expect(file!.items[0]).toMatchObject({
      headline: "Harrow dam spillway gives way before dawn",
      dek: "Villages downstream emptied as the water board warns of a second surge",
      outlet: "Calder Wire",
      paragraphCount: 6,
      bulletCount: 2,
      subheadCount: 1,
    });
    // three paragraphs of running text, with the sub-head and bullets between them
    expect(file!.items[0]!.paragraphKinds).toEqual(["paragraph", "subhead", "bullet", "bullet", "paragraph", "paragraph"]);
    expect(file!.items[0]!.paragraphs[2]).toBe("• 300 people were moved from three villages.");
  });

  it("is refused to a viewer and over the batch limits", async () => {
    const viewer = await buildUser({ role: "VIEWER" });
    const editor = await buildUser({ role: "EDITOR" });
    const file = { name: "dam.txt", bytes: encode(PLAIN), contentType: "text/plain" };
    await expect(previewUploadedFiles(viewer.actor, [file])).rejects.toThrow(expect.objectContaining({ kind: "forbidden" }));
    const tooMany = Array.from({ length: MAX_BATCH_FILES + 1 }, () => file);
    await expect(previewUploadedFiles(editor.actor, tooMany)).rejects.toThrow(/at most/);
    await expect(previewUploadedFiles(editor.actor, [])).rejects.toThrow(/at least one/);
  });
});
