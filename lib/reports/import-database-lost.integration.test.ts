/**
 * The database going away in the middle of a batch. storeReport is wrapped so that, after the
 * first report is really stored, every later call fails as a lost connection does (Prisma P1001);
 * the rest of the import path is the real one.
 */
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { buildStory, buildUser, uniqueToken } from "@/lib/testing/factories";
import type * as StoreReportModule from "./store-report";

const failAfter = vi.hoisted(() => ({ stored: 0, limit: Number.POSITIVE_INFINITY }));

vi.mock("@/lib/reports/store-report", async (importOriginal) => {
  const original = await importOriginal<typeof StoreReportModule>();
  return {
    ...original,
    storeReport: async (...args: Parameters<typeof original.storeReport>) => {
      if (failAfter.stored >= failAfter.limit) throw Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
      const result = await original.storeReport(...args);
      failAfter.stored++;
      return result;
    },
  };
});

const { importUploadedFiles } = await import("./import-files");

const encode = (text: string) => new TextEncoder().encode(text);
const ninjs = (name: string, token: string, n: number) => ({
  name,
  bytes: encode(JSON.stringify({ uri: `urn:lost:${token}:${n}`, headline: `Levee holds at Marsh ${n}`, copyrightholder: "Marsh Gazette", body_text: `The invented levee at Marsh held overnight, engineers said. ${token} ${n}` })),
  contentType: "application/json",
});

describe("the database dies in the middle of a batch", () => {
  it("reports the items already imported, and refuses the rest with the reason, instead of failing the whole batch", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    const token = uniqueToken();
    failAfter.stored = 0;
    failAfter.limit = 1;
    const results = await importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("a.json", token, 1), ninjs("b.json", token, 2), ninjs("c.json", token, 3)], "UPLOAD");
    expect(results.map((result) => [result.file, result.outcome])).toEqual([
      ["a.json", "imported"],
      ["b.json", "rejected"],
      ["c.json", "rejected"],
    ]);
    expect(results[1]!.reason).toMatch(/lost its database connection/);
    expect(await db.report.count({ where: { storyId: story.id } })).toBe(1);
  });

  it("fails the whole request when nothing was stored yet, so the caller can say nothing changed", async () => {
    const editor = await buildUser({ role: "EDITOR" });
    const story = await buildStory(editor.actor);
    failAfter.stored = 0;
    failAfter.limit = 0;
    await expect(importUploadedFiles(editor.actor, { storyId: story.id }, [ninjs("a.json", uniqueToken(), 1)], "UPLOAD")).rejects.toMatchObject({ code: "P1001" });
    failAfter.limit = Number.POSITIVE_INFINITY;
  });
});
