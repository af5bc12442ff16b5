import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/notifications/notifications";
import { searchMentionablePeople } from "@/lib/people/search-mentionable-people";
import { buildExplainer, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { addExplainerNote, listExplainerNotes } from "./explainer-notes";

async function explainerBy(author: Awaited<ReturnType<typeof buildUser>>) {
  const story = await buildStory(author.actor);
  const explainer = await buildExplainer({ storyId: story.id, createdById: author.id });
  await db.explainer.update({ where: { id: explainer.id }, data: { title: "What to know about the Salt Hollow dam" } });
  return { storyId: story.id, explainerId: explainer.id };
}

describe("notes on an explainer", () => {
  it("stores a note with its mentions, notifies the mentioned (not the author), audits it, and lists it", async () => {
    const token = uniqueToken();
    const author = await buildUser({ name: `Lena Okafor ${token}` });
    const reviewer = await buildUser({ role: "REVIEWER", name: `Tomas Brandt ${token}` });
    const bystander = await buildUser({ name: `Mira Holm ${token}` });
    const { storyId, explainerId } = await explainerBy(author);

    const body = `@${reviewer.name} is the spillway figure attributed enough? cc @${author.name}`;
    const note = await addExplainerNote(author.actor, { storyId, explainerId, body });
    expect(note).toMatchObject({ body, author: { id: author.id, name: author.name } });
    expect(note.mentions.map((person) => person.id).sort()).toEqual([author.id, reviewer.id].sort());

    const inbox = await listNotifications(reviewer.actor);
    expect(inbox[0]).toMatchObject({
      kind: "MENTION",
      actor: { id: author.id },
      commentId: note.id,
      explainer: { id: explainerId, storyId },
      href: `/stories/${storyId}/explainers/${explainerId}`,
      message: `${author.name} mentioned you in a note on the explainer “What to know about the Salt Hollow dam”`,
    });
    expect(await db.notification.count({ where: { userId: { in: [author.id, bystander.id] } } })).toBe(0);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "explainer.note", entityId: explainerId } });
    expect(event).toMatchObject({ actorId: author.id, storyId, after: { noteId: note.id, body, mentionedIds: expect.arrayContaining([reviewer.id]) } });

    const listed = await listExplainerNotes(bystander.actor, storyId, explainerId);
    expect(listed.map((row) => row.id)).toEqual([note.id]);
    expect(listed[0]!.mentions.map((person) => person.name).sort()).toEqual([author.name, reviewer.name].sort());
  });

  it("refuses a viewer, an empty note, an explainer of another story, and lists none for an unknown id", async () => {
    const author = await buildUser();
    const viewer = await buildUser({ role: "VIEWER" });
    const { storyId, explainerId } = await explainerBy(author);
    const other = await buildStory(author.actor);

    expect((await domainErrorFrom(addExplainerNote(viewer.actor, { storyId, explainerId, body: "hello" }))).kind).toBe("forbidden");
    const empty = await domainErrorFrom(addExplainerNote(author.actor, { storyId, explainerId, body: "   " }));
    expect(empty.kind).toBe("invalid");
    expect(empty.fieldErrors.body).toBe("Write a note first.");
    // a NUL byte alone is no note (it is dropped, and nothing is left)
    expect((await domainErrorFrom(addExplainerNote(author.actor, { storyId, explainerId, body: "\u0000" }))).kind).toBe("invalid");
    expect((await domainErrorFrom(addExplainerNote(author.actor, { storyId: other.id, explainerId, body: "hello" }))).kind).toBe("not_found");
    expect((await domainErrorFrom(listExplainerNotes(author.actor, storyId, randomUUID()))).kind).toBe("not_found");
    expect(await db.comment.count({ where: { explainerId } })).toBe(0);
  });

  it("a note has exactly one target (the database refuses a note that is also a claim comment)", async () => {
    const author = await buildUser();
    const { explainerId } = await explainerBy(author);
    await expect(db.$executeRaw`INSERT INTO "Comment" (id, "claimId", "explainerId", "authorId", body) VALUES (${randomUUID()}::uuid, NULL, NULL, ${author.id}::uuid, 'nothing')`).rejects.toThrow(/Comment_target_check/);
    expect(await db.comment.count({ where: { explainerId } })).toBe(0);
  });
});

describe("people to mention", () => {
  it("lists active members by the start of any word of their name or of their email, whole-name matches first", async () => {
    const token = uniqueToken().replace(/[^a-z0-9]/gi, "").toLowerCase();
    const first = await buildUser({ name: `Zed${token} Adler` });
    const second = await buildUser({ name: `Ada Zed${token}` });
    const gone = await buildUser({ name: `Zed${token} Gone`, active: false });
    const asker = await buildUser();

    const found = await searchMentionablePeople(asker.actor, { query: `zed${token}` });
    expect(found.map((person) => person.id)).toEqual([first.id, second.id]);
    expect(found.map((person) => person.id)).not.toContain(gone.id);
    expect(found[0]).toEqual({ id: first.id, name: first.name, role: "EDITOR" });
    // several words: each must start a word of the name, in order
    expect((await searchMentionablePeople(asker.actor, { query: `ada zed${token}` })).map((person) => person.id)).toEqual([second.id]);
    expect(await searchMentionablePeople(asker.actor, { query: `adler zed${token}` })).toEqual([]);
    // by email, without returning it
    const byEmail = await searchMentionablePeople(asker.actor, { query: first.email.slice(0, first.email.indexOf("@")) });
    expect(byEmail.map((person) => person.id)).toContain(first.id);
    expect(JSON.stringify(byEmail)).not.toContain("@");
  });

  it("is refused to a viewer and to a desk API token, and refuses an overlong query", async () => {
    const viewer = await buildUser({ role: "VIEWER" });
    const admin = await buildUser({ role: "ADMIN" });
    expect((await domainErrorFrom(searchMentionablePeople(viewer.actor, { query: "a" }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(searchMentionablePeople({ ...admin.actor, apiTokenId: randomUUID() }, { query: "a" }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(searchMentionablePeople(admin.actor, { query: "x".repeat(121) }))).kind).toBe("invalid");
    // a NUL byte or a broken character never reaches the database: refused like any verb's input
    expect((await domainErrorFrom(searchMentionablePeople(admin.actor, { query: "\u0000\ud800zz-no-one" }))).kind).toBe("invalid");
  });
});
