import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildClaim, buildExplainer, buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { listDeskAudit, listAuditActions, listStoryActivity } from "@/lib/audit/list-audit-events";
import { storeReport } from "@/lib/reports/store-report";
import { getStory } from "./get-story";
import { listStories } from "./list-stories";
import { createStory, renameStory, setStoryArchived } from "./mutate-story";

const HOUR = 3600_000;

describe("creating and editing stories", () => {
  it("an editor creates a story and sees it with their name as creator", async () => {
    const editor = await buildUser({ role: "EDITOR", name: "Dana Editor" });

    const story = await createStory(editor.actor, { title: "  Flooding in the invented Vell valley ", description: "Rivers rose overnight." });

    expect(story).toMatchObject({ title: "Flooding in the invented Vell valley", version: 1 });
    const shown = await getStory(editor.actor, story.id);
    expect(shown).toMatchObject({
      title: "Flooding in the invented Vell valley",
      description: "Rivers rose overnight.",
      status: "ACTIVE",
      createdBy: { name: "Dana Editor" },
      _count: { reports: 0, claims: 0, facts: 0, explainers: 0 },
    });
  });

  it("renaming with the current version works; renaming from a stale page is a conflict and keeps the newer title", async () => {
    const editor = await buildUser();
    const reviewer = await buildUser({ role: "REVIEWER" });
    const story = await buildStory(editor.actor, { title: "Original title" });

    const renamed = await renameStory(editor.actor, { storyId: story.id, version: 1, title: "Newer title", description: "" });
    expect(renamed).toMatchObject({ title: "Newer title", version: 2 });

    const error = await domainErrorFrom(renameStory(reviewer.actor, { storyId: story.id, version: 1, title: "Stale title", description: "" }));
    expect(error.kind).toBe("conflict");
    expect(error.message).toMatch(/changed this story a moment ago/);
    await expect(getStory(editor.actor, story.id)).resolves.toMatchObject({ title: "Newer title", version: 2 });
  });

  it("an archived story leaves the active list, shows under archived, and comes back when restored", async () => {
    const editor = await buildUser();
    const token = uniqueToken();
    const story = await buildStory(editor.actor, { title: `Archivable ${token}` });
    const titlesIn = async (status: string) => (await listStories(editor.actor, { status, q: token })).stories.map((s) => s.id);

    const archived = await setStoryArchived(editor.actor, { storyId: story.id, version: 1, archived: true });
    expect(archived.version).toBe(2);
    expect(await titlesIn("active")).toEqual([]);
    expect(await titlesIn("archived")).toEqual([story.id]);
    await expect(getStory(editor.actor, story.id)).resolves.toMatchObject({ status: "ARCHIVED" });

    const stale = await domainErrorFrom(setStoryArchived(editor.actor, { storyId: story.id, version: 1, archived: false }));
    expect(stale.kind).toBe("conflict");

    await setStoryArchived(editor.actor, { storyId: story.id, version: 2, archived: false });
    expect(await titlesIn("active")).toEqual([story.id]);
    expect(await titlesIn("archived")).toEqual([]);
  });

  it.each([
    ["an empty title", { title: "   " }, "title", /Enter a title/],
    ["a title over 200 characters", { title: "t".repeat(201) }, "title", /at most 200/],
    ["a description over 2,000 characters", { title: "Fine", description: "d".repeat(2001) }, "description", /at most 2,000/],
  ])("a story with %s is refused with a message on that field", async (_case, input, field, message) => {
    const editor = await buildUser();
    const error = await domainErrorFrom(createStory(editor.actor, input));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors[field]).toMatch(message);
  });

  it("renaming or archiving a story that does not exist says it was not found", async () => {
    const editor = await buildUser();
    const missing = randomUUID();
    expect((await domainErrorFrom(renameStory(editor.actor, { storyId: missing, version: 1, title: "X" }))).kind).toBe("not_found");
    expect((await domainErrorFrom(setStoryArchived(editor.actor, { storyId: missing, version: 1, archived: true }))).kind).toBe("not_found");
    expect((await domainErrorFrom(getStory(editor.actor, missing))).kind).toBe("not_found");
    expect((await domainErrorFrom(getStory(editor.actor, "not-a-story-id"))).kind).toBe("not_found");
    const malformed = await domainErrorFrom(renameStory(editor.actor, { storyId: "not-a-story-id", version: 1, title: "X" }));
    expect(malformed.kind).toBe("invalid");
    expect(malformed.fieldErrors.storyId).toBe("Unknown story.");
  });
});

describe("the stories list", () => {
  it("shows the story with the latest activity first, and new activity in an older story moves it to the top", async () => {
    const editor = await buildUser();
    const token = uniqueToken();
    const oldest = await buildStory(editor.actor, { title: `Oldest ${token}` });
    const middle = await buildStory(editor.actor, { title: `Middle ${token}` });
    const newest = await buildStory(editor.actor, { title: `Newest ${token}` });
    const now = Date.now();
    await db.story.update({ where: { id: oldest.id }, data: { lastActivityAt: new Date(now - 3 * HOUR) } });
    await db.story.update({ where: { id: middle.id }, data: { lastActivityAt: new Date(now - 2 * HOUR) } });
    await db.story.update({ where: { id: newest.id }, data: { lastActivityAt: new Date(now - 1 * HOUR) } });
    const order = async () => (await listStories(editor.actor, { q: token })).stories.map((story) => story.id);

    expect(await order()).toEqual([newest.id, middle.id, oldest.id]);

    await storeReport(editor.actor, buildReportInput(oldest.id), "PASTE");
    expect(await order()).toEqual([oldest.id, newest.id, middle.id]);

    await renameStory(editor.actor, { storyId: middle.id, version: 1, title: `Middle renamed ${token}` });
    expect(await order()).toEqual([middle.id, oldest.id, newest.id]);
  });

  it("finds stories by any part of the title, ignoring case", async () => {
    const editor = await buildUser();
    const token = uniqueToken();
    const match = await buildStory(editor.actor, { title: `Port strike at Kessimar ${token}` });
    await buildStory(editor.actor, { title: `Election recount ${token}` });

    const found = await listStories(editor.actor, { q: `KESSIMAR ${token.toUpperCase()}` });

    expect(found.stories.map((story) => story.id)).toEqual([match.id]);
    expect(found.total).toBe(1);
  });

  it("counts each story's reports, claims by status and explainers by state without mixing stories", async () => {
    const editor = await buildUser();
    const token = uniqueToken();
    const busy = await buildStory(editor.actor, { title: `Busy ${token}` });
    const quiet = await buildStory(editor.actor, { title: `Quiet ${token}` });
    const empty = await buildStory(editor.actor, { title: `Empty ${token}` });

    const first = await storeReport(editor.actor, buildReportInput(busy.id), "PASTE");
    const second = await storeReport(editor.actor, buildReportInput(busy.id), "PASTE");
    const quietReport = await storeReport(editor.actor, buildReportInput(quiet.id), "PASTE");
    const claim = (storyId: string, reportId: string, status: "UNVERIFIED" | "VERIFIED" | "FALSE" | "DISPUTED") =>
      buildClaim({ storyId, reportId, createdById: editor.id, status });
    await claim(busy.id, first.reportId, "UNVERIFIED");
    await claim(busy.id, second.reportId, "UNVERIFIED");
    await claim(busy.id, first.reportId, "VERIFIED");
    await claim(busy.id, second.reportId, "FALSE");
    await claim(quiet.id, quietReport.reportId, "DISPUTED");
    await buildExplainer({ storyId: busy.id, createdById: editor.id, state: "DRAFT" });
    await buildExplainer({ storyId: busy.id, createdById: editor.id, state: "PUBLISHED" });
    await buildExplainer({ storyId: busy.id, createdById: editor.id, state: "PUBLISHED" });

    const { stories } = await listStories(editor.actor, { q: token });
    const byId = new Map(stories.map((story) => [story.id, story]));

    expect(byId.get(busy.id)).toMatchObject({
      reportCount: 2,
      claimTotal: 4,
      claimCounts: { UNVERIFIED: 2, VERIFIED: 1, FALSE: 1 },
      explainerCounts: { DRAFT: 1, PUBLISHED: 2 },
    });
    expect(byId.get(quiet.id)).toMatchObject({ reportCount: 1, claimTotal: 1, claimCounts: { DISPUTED: 1 }, explainerCounts: {} });
    expect(byId.get(empty.id)).toMatchObject({ reportCount: 0, claimTotal: 0, claimCounts: {}, explainerCounts: {} });
    await expect(getStory(editor.actor, busy.id)).resolves.toMatchObject({ _count: { reports: 2, claims: 4, explainers: 3 } });
  });
});

describe("activity and the audit log", () => {
  it("a story's activity lists what happened, newest first, with who did it", async () => {
    const editor = await buildUser({ name: `Ada Editor ${uniqueToken()}` });
    const reviewer = await buildUser({ role: "REVIEWER", name: `Rui Reviewer ${uniqueToken()}` });
    const story = await buildStory(editor.actor);
    const other = await buildStory(editor.actor);
    await renameStory(reviewer.actor, { storyId: story.id, version: 1, title: "Renamed by the reviewer" });
    await storeReport(editor.actor, buildReportInput(story.id), "PASTE");
    await setStoryArchived(editor.actor, { storyId: story.id, version: 2, archived: true });
    await renameStory(editor.actor, { storyId: other.id, version: 1, title: "Another story's change" });

    const { events, nextCursor } = await listStoryActivity(reviewer.actor, story.id);

    expect(events.map((event) => [event.action, event.actor?.name])).toEqual([
      ["story.archive", editor.name],
      ["report.import", editor.name],
      ["story.rename", reviewer.name],
      ["story.create", editor.name],
    ]);
    expect(events[2]).toMatchObject({ before: { title: expect.stringMatching(/^Test story/) }, after: { title: "Renamed by the reviewer" } });
    expect(nextCursor).toBeNull();
  });

  it("the activity of a story that does not exist is not found", async () => {
    const editor = await buildUser();
    expect((await domainErrorFrom(listStoryActivity(editor.actor, randomUUID()))).kind).toBe("not_found");
  });

  it("an admin filters the desk audit log by person, action and date range", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const editor = await buildUser();
    const bystander = await buildUser();
    const first = await buildStory(editor.actor);
    await buildStory(editor.actor);
    await renameStory(editor.actor, { storyId: first.id, version: 1, title: "Filtered rename" });
    await buildStory(bystander.actor);
    // move the first story's creation into a past month so a date range can separate it
    const created = await db.auditEvent.findFirstOrThrow({ where: { entityId: first.id, action: "story.create" } });
    await db.auditEvent.update({ where: { id: created.id }, data: { createdAt: new Date("2025-01-15T12:00:00Z") } });

    const byPerson = await listDeskAudit(admin.actor, { actorId: editor.id });
    expect(byPerson.events.map((event) => event.action)).toEqual(["story.rename", "story.create", "story.create"]);
    expect(byPerson.events.every((event) => event.actor?.id === editor.id)).toBe(true);

    const renames = await listDeskAudit(admin.actor, { actorId: editor.id, action: "story.rename" });
    expect(renames.events.map((event) => event.entityId)).toEqual([first.id]);

    const january = await listDeskAudit(admin.actor, { actorId: editor.id, from: "2025-01-01", to: "2025-01-31" });
    expect(january.events.map((event) => event.id)).toEqual([created.id]);
    const lastDay = await listDeskAudit(admin.actor, { actorId: editor.id, from: "2025-01-15", to: "2025-01-15" });
    expect(lastDay.events.map((event) => event.id)).toEqual([created.id]);
    const dayAfter = await listDeskAudit(admin.actor, { actorId: editor.id, from: "2025-01-16", to: "2025-01-31" });
    expect(dayAfter.events).toEqual([]);
    const recent = await listDeskAudit(admin.actor, { actorId: editor.id, from: "2025-02-01" });
    expect(recent.events).toHaveLength(2);
    expect(recent.events.map((event) => event.id)).not.toContain(created.id);
  });

  it.each(["EDITOR", "REVIEWER"] as const)("a %s cannot open the desk audit log", async (role) => {
    const member = await buildUser({ role });
    expect((await domainErrorFrom(listDeskAudit(member.actor, {}))).kind).toBe("forbidden");
    expect((await domainErrorFrom(listAuditActions(member.actor))).kind).toBe("forbidden");
  });
});
