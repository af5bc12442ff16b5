import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildClaim, buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { storeReport } from "@/lib/reports/store-report";
import { addComment, findMentions } from "./comments";

async function claimIn(actor: Actor) {
  const story = await buildStory(actor);
  const { reportId } = await storeReport(actor, buildReportInput(story.id), "PASTE");
  const claim = await buildClaim({ storyId: story.id, reportId, createdById: actor.id });
  await db.claim.update({ where: { id: claim.id }, data: { statement: "SDF seized the Tishrin dam crossing" } });
  return { storyId: story.id, claimId: claim.id };
}

describe("mention rule", () => {
  const ana = { id: "a", name: "Ana Lima", email: "ana@desk.example" };
  const anaCosta = { id: "b", name: "Ana Lima Costa", email: "costa@desk.example" };
  const omar = { id: "c", name: "Omar  Haddad", email: "omar@desk.example" };
  const people = [ana, anaCosta, omar];
  const ids = (body: string) => findMentions(body, people).map((person) => person.id);

  it("matches a full name in any case, or an email, after the @", () => {
    expect(ids("@ana lima can you check?")).toEqual(["a"]);
    expect(ids("cc @OMAR@DESK.EXAMPLE.")).toEqual(["c"]);
    expect(ids("thanks (@Omar Haddad), and @ana@desk.example")).toEqual(["c", "a"]);
  });

  it("prefers the longest name, needs a word boundary after it, and ignores email addresses in the text", () => {
    expect(ids("@Ana Lima Costa please")).toEqual(["b"]);
    expect(ids("@Ana Limas please")).toEqual([]);
    expect(ids("write to press@ana lima")).toEqual([]);
    expect(ids("@Ana")).toEqual([]);
    expect(ids("@ana lima and @Ana Lima again")).toEqual(["a"]);
  });
});

describe("comments with mentions", () => {
  it("stores mentions of active people and notifies them, but not the author nor anyone deactivated", async () => {
    const author = await buildUser({ name: `Priya Sandoval ${uniqueToken()}` });
    const byName = await buildUser({ name: `Omar Haddad ${uniqueToken()}` });
    const byEmail = await buildUser();
    const deactivated = await buildUser({ active: false });
    const bystander = await buildUser();
    const { storyId, claimId } = await claimIn(author.actor);

    const body = `@${byName.name.toLowerCase()} and @${byEmail.email.toUpperCase()}: please check. Also @${deactivated.name} and @${author.name}.`;
    const comment = await addComment(author.actor, { claimId, body });

    expect(comment).toMatchObject({ body, author: { id: author.id, name: author.name } });
    expect(comment.mentions.map((person) => person.id).sort()).toEqual([byName.id, byEmail.id, author.id].sort());
    const stored = await db.commentMention.findMany({ where: { commentId: comment.id }, select: { userId: true } });
    expect(stored.map((row) => row.userId).sort()).toEqual([byName.id, byEmail.id, author.id].sort());

    const notified = await db.notification.findMany({
      where: { userId: { in: [author.id, byName.id, byEmail.id, deactivated.id, bystander.id] } },
      select: { userId: true, kind: true, actorId: true, claimId: true, commentId: true, message: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([byName.id, byEmail.id].sort());
    expect(notified[0]).toMatchObject({
      kind: "MENTION",
      actorId: author.id,
      claimId,
      commentId: comment.id,
      message: `${author.name} mentioned you on a claim: “SDF seized the Tishrin dam crossing”`,
    });

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "claim.comment", entityId: claimId } });
    expect(event).toMatchObject({ entityType: "claim", storyId, actorId: author.id, after: { commentId: comment.id, body } });
  });

  it("a comment without mentions notifies nobody", async () => {
    const author = await buildUser();
    const { claimId } = await claimIn(author.actor);
    const comment = await addComment(author.actor, { claimId, body: "Checked with the agency desk: mail press@agency.example if needed." });
    expect(comment.mentions).toEqual([]);
    expect(await db.notification.count({ where: { commentId: comment.id } })).toBe(0);
  });

  it("an empty comment is invalid, an unknown claim is not found, and an API token may not comment", async () => {
    const author = await buildUser();
    const { claimId } = await claimIn(author.actor);
    expect((await domainErrorFrom(addComment(author.actor, { claimId, body: "   " }))).kind).toBe("invalid");
    expect((await domainErrorFrom(addComment(author.actor, { claimId: randomUUID(), body: "Hello" }))).kind).toBe("not_found");
    const token = { ...author.actor, apiTokenId: randomUUID() };
    expect((await domainErrorFrom(addComment(token, { claimId, body: "Hello" }))).kind).toBe("forbidden");
  });
});
