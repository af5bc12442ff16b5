import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser, domainErrorFrom, type BuiltUser } from "@/lib/testing/factories";
import { storeReport } from "@/lib/reports/store-report";
import { addComment } from "@/lib/claims/comments";
import { listNotifications, markNotificationsRead, quotedExcerpt, unreadNotificationCount } from "./notifications";

/** Has `author` mention each of `people` once on a fresh claim; returns the claim and story. */
async function mentionOn(author: BuiltUser, people: BuiltUser[]) {
  const story = await buildStory(author.actor);
  const { reportId } = await storeReport(author.actor, buildReportInput(story.id), "PASTE");
  const claim = await buildClaim({ storyId: story.id, reportId, createdById: author.id });
  await addComment(author.actor, { claimId: claim.id, body: people.map((person) => `@${person.email}`).join(" ") + " please look" });
  return { storyId: story.id, claimId: claim.id };
}

describe("notifications", () => {
  it("a person sees only their own notifications, newest first, with a link to the claim", async () => {
    const author = await buildUser();
    const reader = await buildUser();
    const other = await buildUser();
    const first = await mentionOn(author, [reader, other]);
    const second = await mentionOn(author, [reader]);

    const list = await listNotifications(reader.actor);
    expect(list.map((n) => n.claim?.id)).toEqual([second.claimId, first.claimId]);
    expect(list[0]).toMatchObject({
      kind: "MENTION",
      readAt: null,
      actor: { id: author.id, name: author.name },
      href: `/stories/${second.storyId}/claims/${second.claimId}`,
    });
    expect(list[0]!.message).toBe(`${author.name} mentioned you on a claim: “An invented statement under test.”`);
    expect(await unreadNotificationCount(reader.actor)).toBe(2);
    expect(await unreadNotificationCount(other.actor)).toBe(1);
    expect(await listNotifications(author.actor)).toEqual([]);
  });

  it("marking read touches only your own notifications, by id or all at once", async () => {
    const author = await buildUser();
    const reader = await buildUser();
    const other = await buildUser();
    await mentionOn(author, [reader, other]);
    await mentionOn(author, [reader]);
    const [newest, oldest] = await listNotifications(reader.actor);
    const [othersOnly] = await listNotifications(other.actor);

    // someone else's id in the list matches nothing
    expect(await markNotificationsRead(reader.actor, { ids: [newest!.id, othersOnly!.id] })).toEqual({ marked: 1 });
    expect(await unreadNotificationCount(reader.actor)).toBe(1);
    expect(await unreadNotificationCount(other.actor)).toBe(1);
    expect((await listNotifications(reader.actor, { unreadOnly: true })).map((n) => n.id)).toEqual([oldest!.id]);

    expect(await markNotificationsRead(reader.actor, { all: true })).toEqual({ marked: 1 });
    expect(await unreadNotificationCount(reader.actor)).toBe(0);
    expect(await unreadNotificationCount(other.actor)).toBe(1);
    expect((await listNotifications(reader.actor)).every((n) => n.readAt instanceof Date)).toBe(true);
  });

  it("rejects malformed input, and a desk API token has no inbox", async () => {
    const reader = await buildUser();
    expect((await domainErrorFrom(markNotificationsRead(reader.actor, { ids: [] }))).kind).toBe("invalid");
    expect((await domainErrorFrom(markNotificationsRead(reader.actor, { all: false }))).kind).toBe("invalid");
    expect((await domainErrorFrom(markNotificationsRead(reader.actor, { ids: ["nope"] }))).kind).toBe("invalid");
    const token = { ...reader.actor, apiTokenId: randomUUID() };
    expect((await domainErrorFrom(unreadNotificationCount(token))).kind).toBe("forbidden");
  });

  it("quotes long statements shortened, on one line", () => {
    expect(quotedExcerpt("Short\n statement")).toBe("“Short statement”");
    const long = quotedExcerpt("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(122);
    expect(long.endsWith("…”")).toBe(true);
  });
});
