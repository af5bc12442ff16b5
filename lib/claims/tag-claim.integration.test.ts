import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { describeAnchor } from "./anchoring/selectors";
import { ADVANCE, CASUALTIES, LEAD, RESPONSE, spanOf } from "./anchoring/wire-fixtures";
import { assignClaim } from "./assign-claim";
import { getClaim } from "./get-claim";
import { listReportClaims } from "./list-report-claims";
import { tagClaim } from "./tag-claim";

const PARAGRAPHS = [LEAD, CASUALTIES, ADVANCE, RESPONSE];
const TEXT = PARAGRAPHS.join("\n\n");

async function storyWithReport() {
  const editor = await buildUser({ role: "EDITOR" });
  const story = await buildStory(editor.actor);
  const input = buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, paragraphs: PARAGRAPHS });
  const { reportId } = await storeReport(editor.actor, input, "PASTE");
  return { editor, story, input, reportId };
}

function tagInput(storyId: string, reportId: string, quote: string, overrides: Record<string, unknown> = {}) {
  return { storyId, reportId, reportVersion: 1, ...spanOf(TEXT, quote), statement: `Claim about ${quote.slice(0, 20)}`, ...overrides };
}

describe("tagging a claim in a report", () => {
  it("stores the quote and its context cut from the desk's own copy of the text, not from what the browser sent", async () => {
    const { editor, story, reportId } = await storyWithReport();
    const quote = "At least 21 civilians were killed";
    const span = spanOf(TEXT, quote);

    const claim = await tagClaim(editor.actor, {
      storyId: story.id,
      reportId,
      reportVersion: 1,
      // a selection that dragged a space along on each side, and forged quote fields the server ignores
      start: span.start - 1,
      end: span.end + 1,
      exact: "Nobody was killed",
      prefix: "forged",
      statement: "At least 21 civilians were killed near el-Maroun",
      attribution: "the provincial health office said",
      tags: [
        { kind: "PLACE", value: "el-Maroun" },
        { kind: "PLACE", value: "el-Maroun" },
        { kind: "ORGANIZATION", value: "provincial health office" },
      ],
    });

    const expected = describeAnchor(TEXT, span.start, span.end);
    expect(claim).toMatchObject({
      storyId: story.id,
      ...expected.quote,
      ...expected.position,
      exact: quote,
      status: "UNVERIFIED",
      origin: "TAGGED",
      anchorState: "ANCHORED",
      version: 1,
      reportVersion: 1,
      attribution: "the provincial health office said",
      report: { id: reportId, currentVersion: 1, source: "Testwire Agency" },
      createdBy: { id: editor.id, name: editor.name },
      assignee: null,
      evidence: [],
      comments: [],
    });
    expect(claim.tags).toEqual([
      { kind: "PLACE", value: "el-Maroun" },
      { kind: "ORGANIZATION", value: "provincial health office" },
    ]);
    expect(claim.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "UNVERIFIED", rationale: null, actor: { id: editor.id, name: editor.name } })]);
    const audit = await db.auditEvent.findMany({ where: { entityId: claim.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "claim.tag", actorId: editor.id, storyId: story.id })]);
    expect(audit[0]!.after).toMatchObject({ start: span.start, end: span.end, exact: quote, reportVersion: 1 });
    await expect(getClaim(editor.actor, story.id, claim.id)).resolves.toEqual(claim);
  });

  it("tagging from an outdated version of the report is refused and asks the editor to reload", async () => {
    const { editor, story, input, reportId } = await storyWithReport();
    await storeReport(editor.actor, { ...input, paragraphs: [...PARAGRAPHS, "A late paragraph was added."] }, "PASTE");

    const error = await domainErrorFrom(tagClaim(editor.actor, tagInput(story.id, reportId, CASUALTIES)));

    expect(error.kind).toBe("conflict");
    expect(error.message).toBe("This report has a newer version; reload it before tagging.");
    expect(await db.claim.count({ where: { reportId } })).toBe(0);
    // the current version works
    await expect(tagClaim(editor.actor, tagInput(story.id, reportId, CASUALTIES, { reportVersion: 2 }))).resolves.toMatchObject({ reportVersion: 2 });
  });

  it("a selection outside the text, backwards, or of nothing but blank space is refused with a message for the form", async () => {
    const { editor, story, reportId } = await storyWithReport();
    const gap = TEXT.indexOf("\n\n");
    const bad = [
      { start: TEXT.length - 5, end: TEXT.length + 10 },
      { start: 40, end: 40 },
      { start: 40, end: 12 },
      { start: gap, end: gap + 2 },
      { start: -1, end: 10 },
    ];
    for (const span of bad) {
      const error = await domainErrorFrom(tagClaim(editor.actor, { ...tagInput(story.id, reportId, LEAD), ...span }));
      expect(error.kind).toBe("invalid");
      expect(Object.keys(error.fieldErrors).length).toBeGreaterThan(0);
    }
    expect(await db.claim.count({ where: { reportId } })).toBe(0);
  });

  it("an API token cannot tag claims, even when an admin created it", async () => {
    const { story, reportId } = await storyWithReport();
    const admin = await buildUser({ role: "ADMIN" });

    const error = await domainErrorFrom(tagClaim({ ...admin.actor, apiTokenId: "x" }, tagInput(story.id, reportId, LEAD)));

    expect(error.kind).toBe("forbidden");
    expect(await db.claim.count({ where: { reportId } })).toBe(0);
  });

  it("a report or claim of another story is not found under this story's id", async () => {
    const { editor, reportId } = await storyWithReport();
    const other = await storyWithReport();
    const claim = await tagClaim(other.editor.actor, tagInput(other.story.id, other.reportId, LEAD));

    expect((await domainErrorFrom(tagClaim(editor.actor, tagInput(other.story.id, reportId, LEAD)))).kind).toBe("not_found");
    const { story } = await storyWithReport();
    expect((await domainErrorFrom(getClaim(editor.actor, story.id, claim.id))).kind).toBe("not_found");
    expect((await domainErrorFrom(getClaim(editor.actor, other.story.id, "not-a-uuid"))).kind).toBe("not_found");
    expect((await domainErrorFrom(listReportClaims(editor.actor, story.id, other.reportId))).kind).toBe("not_found");
  });

  it("the reader gets the report's claims as highlights in text order, overlapping ones included", async () => {
    const { editor, story, reportId } = await storyWithReport();
    const later = await tagClaim(editor.actor, tagInput(story.id, reportId, ADVANCE));
    const whole = await tagClaim(editor.actor, tagInput(story.id, reportId, LEAD));
    const inside = await tagClaim(editor.actor, tagInput(story.id, reportId, "seized the Sefra river crossing"));

    const highlights = await listReportClaims(editor.actor, story.id, reportId);

    expect(highlights.map((claim) => claim.id)).toEqual([whole.id, inside.id, later.id]);
    expect(highlights[1]).toEqual({
      id: inside.id,
      ...spanOf(TEXT, "seized the Sefra river crossing"),
      status: "UNVERIFIED",
      statement: inside.statement,
      anchorState: "ANCHORED",
      reportVersion: 1,
      version: 1,
    });
  });
});

describe("assigning claims", () => {
  it("a colleague assigned a claim gets a notification; assigning yourself notifies nobody", async () => {
    const { editor, story, reportId } = await storyWithReport();
    const colleague = await buildUser({ role: "REVIEWER" });

    const claim = await tagClaim(editor.actor, tagInput(story.id, reportId, CASUALTIES, { assigneeId: colleague.id }));

    expect(claim.assignee).toEqual({ id: colleague.id, name: colleague.name });
    const notifications = await db.notification.findMany({ where: { claimId: claim.id } });
    expect(notifications).toEqual([expect.objectContaining({ userId: colleague.id, actorId: editor.id, kind: "ASSIGNMENT", readAt: null })]);
    expect(notifications[0]!.message).toContain(editor.name);

    const mine = await assignClaim(editor.actor, { claimId: claim.id, version: 1, assigneeId: editor.id });
    expect(mine).toMatchObject({ version: 2, assignee: { id: editor.id } });
    const back = await assignClaim(editor.actor, { claimId: claim.id, version: 2, assigneeId: colleague.id });
    expect(back.version).toBe(3);
    expect(await db.notification.count({ where: { claimId: claim.id } })).toBe(2);
    expect(await db.notification.count({ where: { claimId: claim.id, userId: editor.id } })).toBe(0);
    const audit = await db.auditEvent.findMany({ where: { entityId: claim.id, action: "claim.assign" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.after)).toEqual([{ assignee: { id: editor.id, name: editor.name } }, { assignee: { id: colleague.id, name: colleague.name } }]);
  });

  it("claims cannot go to someone who has left the desk, and a stale assignment is a conflict", async () => {
    const { editor, story, reportId } = await storyWithReport();
    const departed = await buildUser({ active: false });
    const claim = await tagClaim(editor.actor, tagInput(story.id, reportId, LEAD));

    const inactive = await domainErrorFrom(assignClaim(editor.actor, { claimId: claim.id, version: 1, assigneeId: departed.id }));
    expect(inactive.kind).toBe("invalid");
    expect(inactive.fieldErrors).toHaveProperty("assigneeId");
    const tagged = await domainErrorFrom(tagClaim(editor.actor, tagInput(story.id, reportId, ADVANCE, { assigneeId: departed.id })));
    expect(tagged.fieldErrors).toHaveProperty("assigneeId");

    await assignClaim(editor.actor, { claimId: claim.id, version: 1, assigneeId: null });
    const colleague = await buildUser();
    await assignClaim(editor.actor, { claimId: claim.id, version: 1, assigneeId: colleague.id });
    const stale = await domainErrorFrom(assignClaim(colleague.actor, { claimId: claim.id, version: 1, assigneeId: colleague.id }));
    expect(stale.kind).toBe("conflict");
    expect(stale.message).toContain(editor.name);
    await expect(db.claim.findUniqueOrThrow({ where: { id: claim.id } })).resolves.toMatchObject({ assigneeId: colleague.id, version: 2 });
  });
});
