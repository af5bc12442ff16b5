import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { DEFAULT_COLLAB_LIMITS, characterLimits, documentGrowthOf, formatBytes, limitMessage, readLimitNotice } from "./collab-limits";

function frame(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe("documentGrowthOf", () => {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "Levees held overnight along the Corran river.");
  const update = Y.encodeStateAsUpdate(doc);

  it("counts what a sync update or a sync step 2 would add to the document", () => {
    for (const step of [1, 2]) {
      const message = frame("explainer:abc", (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, update)));
      const growth = documentGrowthOf(message);
      expect(growth).toBeGreaterThanOrEqual(update.length);
      expect(growth).toBeLessThan(message.length);
    }
  });

  it("counts nothing for a sync step 1, awareness or auth message", () => {
    expect(documentGrowthOf(frame("d", (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)))))).toBe(0);
    expect(documentGrowthOf(frame("d", (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, new Uint8Array(500)))))).toBe(0);
    expect(documentGrowthOf(frame("d", (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, "token"))))).toBe(0);
  });

  it("counts a truncated or garbled message in full, so it cannot slip under a limit", () => {
    expect(documentGrowthOf(new Uint8Array([0xff, 0xff, 0xff]))).toBe(3);
    expect(documentGrowthOf(new Uint8Array([50, 1, 2]))).toBe(3);
    expect(documentGrowthOf(new Uint8Array([]))).toBe(0);
  });
});

describe("limit notices", () => {
  it("reads the server's notice and nothing else", () => {
    expect(readLimitNotice(JSON.stringify({ type: "wiredesk.limit", limit: "document", maxBytes: 4096 }))).toEqual({ type: "wiredesk.limit", limit: "document", maxBytes: 4096 });
    expect(readLimitNotice(JSON.stringify({ type: "wiredesk.limit", limit: "other", maxBytes: 1 }))).toBeNull();
    expect(readLimitNotice(JSON.stringify({ type: "chat", limit: "update", maxBytes: 1 }))).toBeNull();
    expect(readLimitNotice("not json")).toBeNull();
    expect(readLimitNotice("null")).toBeNull();
  });

  it("tells the writer what happened and what to do, with the limit in readable units", () => {
    expect(formatBytes(1024 * 1024)).toBe("1 MB");
    expect(formatBytes(512 * 1024)).toBe("512 KB");
    expect(limitMessage({ limit: "update", maxBytes: 1024 * 1024 })).toMatch(/too large to share \(over 1 MB at once\).*not saved.*undo/);
    expect(limitMessage({ limit: "document", maxBytes: 4 * 1024 * 1024 })).toMatch(/size limit \(4 MB\).*not saved/);
    // refused by the editor before it entered the document: nothing to undo
    expect(limitMessage({ limit: "update", maxBytes: 1024 * 1024 }, true)).toMatch(/too much to add at once \(over 1 MB\), so it was not added\. Add it in smaller parts/);
    expect(limitMessage({ limit: "document", maxBytes: 4 * 1024 * 1024 }, true)).not.toMatch(/undo/);
  });

  it("keeps the editor's character limits under the server's byte limits even for 4-byte characters", () => {
    const { maxInsertChars, maxDocumentChars } = characterLimits(DEFAULT_COLLAB_LIMITS);
    expect(maxInsertChars * 4).toBeLessThan(DEFAULT_COLLAB_LIMITS.maxUpdateBytes);
    expect(maxDocumentChars * 4).toBeLessThan(DEFAULT_COLLAB_LIMITS.maxDocumentBytes);
    expect(maxInsertChars).toBeGreaterThan(100_000);
  });
});
