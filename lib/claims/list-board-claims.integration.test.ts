import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken, type BuiltUser } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import type { AnchorState, ClaimStatus, TagKind } from "@/lib/generated/prisma/enums";
import { storeReport } from "@/lib/reports/store-report";
import { listBoardClaims } from "./list-board-claims";
import { BOARD_PAGE_SIZE } from "./schemas";
import { CLAIM_STATUS_ORDER } from "./status-meta";

const MINUTE = 60_000;

/** A stored report whose text holds the given sentences (claims quote them). */
async function reportWith(actor: BuiltUser["actor"], storyId: string, options: { source: string; publishedAt: string; sentences: string[] }) {
  const stored = await storeReport(
    actor,
    buildReportInput(storyId, { source: options.source, publishedAt: options.publishedAt, paragraphs: [...options.sentences, `Reference ${uniqueToken()}.`] }),
    "PASTE",
  );
  const version = await db.reportVersion.findFirstOrThrow({ where: { reportId: stored.reportId }, select: { id: true, bodyText: true } });
  return { id: stored.reportId, versionId: version.id, bodyText: version.bodyText };
}

type Report = Awaited<ReturnType<typeof reportWith>>;

/** A claim quoting `exact` from the report, written straight to the table (tagClaim is tested elsewhere). */
async function claimOn(
  report: Report,
  storyId: string,
  createdById: string,
  fields: {
    exact: string;
    statement: string;
    attribution?: string;
    status?: ClaimStatus;
    anchorState?: AnchorState;
    assigneeId?: string;
    tags?: { kind: TagKind; value: string }[];
    at: Date;
  },
): Promise<string> {
  const start = report.bodyText.indexOf(fields.exact);
  if (start < 0) throw new Error(`"${fields.exact}" is not in the report`);
  const claim = await db.claim.create({
    data: {
      storyId,
      reportId: report.id,
      reportVersionId: report.versionId,
      exact: fields.exact,
      start,
      end: start + fields.exact.length,
      statement: fields.statement,
      attribution: fields.attribution ?? null,
      status: fields.status ?? "UNVERIFIED",
      anchorState: fields.anchorState ?? "ANCHORED",
      assigneeId: fields.assigneeId ?? null,
      createdById,
      createdAt: fields.at,
      tags: { create: fields.tags ?? [] },
    },
    select: { id: true },
  });
  // @updatedAt would stamp "now"; the sorts under test need controlled times
  await db.claim.update({ where: { id: claim.id }, data: { updatedAt: fields.at } });
  return claim.id;
}

describe("the claims board", () => {
  let me: BuiltUser;
  let colleague: BuiltUser;
  let storyId: string;
  let otherStoryId: string;
  let reutersId: string;
  const ids: Record<string, string> = {};
  const base = Date.now() - 60 * MINUTE;
  const at = (minutes: number) => new Date(base + minutes * MINUTE);

  beforeAll(async () => {
    me = await buildUser({ role: "EDITOR" });
    colleague = await buildUser({ role: "REVIEWER" });
    storyId = (await buildStory(me.actor)).id;
    otherStoryId = (await buildStory(me.actor)).id;
    const early = await reportWith(me.actor, storyId, {
      source: `Boardwire ${uniqueToken()}`,
      publishedAt: "2026-03-04T08:00:00Z",
      sentences: ["Fighters took control of the hydroelectric dam near Tabqa on Monday.", "The ferry terminal stayed closed."],
    });
    const latest = await reportWith(me.actor, storyId, {
      source: `Reuters ${uniqueToken()}`,
      publishedAt: "2026-03-05T08:00:00Z",
      sentences: ["Some 300 families fled toward Raqqa overnight.", "The bridge at Qara Qozak was damaged."],
    });
    const elsewhere = await reportWith(me.actor, otherStoryId, {
      source: "Testwire Agency",
      publishedAt: "2026-03-05T08:00:00Z",
      sentences: ["Fighters took control of the hydroelectric dam near Tabqa on Monday."],
    });
    reutersId = (await db.report.findUniqueOrThrow({ where: { id: latest.id }, select: { sourceId: true } })).sourceId!;

    ids.dam = await claimOn(early, storyId, me.id, {
      exact: "took control of the hydroelectric dam near Tabqa",
      statement: "Fighters seized the Tabqa dam",
      attribution: "two army sources said",
      assigneeId: me.id,
      tags: [{ kind: "PLACE", value: "Tabqa" }],
      at: at(1),
    });
    ids.ferry = await claimOn(early, storyId, me.id, {
      exact: "The ferry terminal stayed closed",
      statement: "The ferry terminal is closed",
      status: "IN_PROGRESS",
      assigneeId: colleague.id,
      at: at(2),
    });
    ids.families = await claimOn(latest, storyId, colleague.id, {
      exact: "Some 300 families fled toward Raqqa",
      statement: "300 families fled toward Raqqa",
      attribution: "according to the interior ministry",
      status: "VERIFIED",
      anchorState: "FUZZY",
      tags: [
        { kind: "PLACE", value: "Raqqa" },
        { kind: "ACTOR", value: "Interior Ministry" },
      ],
      at: at(3),
    });
    ids.bridge = await claimOn(latest, storyId, colleague.id, {
      exact: "The bridge at Qara Qozak was damaged",
      statement: "The Qara Qozak bridge was damaged",
      status: "UNVERIFIED",
      anchorState: "ORPHANED",
      tags: [{ kind: "PLACE", value: "Qara Qozak" }],
      at: at(4),
    });
    ids.elsewhere = await claimOn(elsewhere, otherStoryId, me.id, {
      exact: "took control of the hydroelectric dam near Tabqa",
      statement: "Fighters seized the Tabqa dam",
      assigneeId: me.id,
      tags: [{ kind: "PLACE", value: "Tabqa" }],
      at: at(5),
    });
  });

  const board = (query: Record<string, unknown> = {}) => listBoardClaims(me.actor, storyId, query);
  const idsOf = async (query: Record<string, unknown>) => (await board(query)).claims.map((claim) => claim.id);

  it("lists the story's claims, most recently changed first, with report, source, assignee and tags", async () => {
    const result = await board();
    expect(result.claims.map((claim) => claim.id)).toEqual([ids.bridge, ids.families, ids.ferry, ids.dam]);
    expect(result).toMatchObject({ total: 4, page: 1, pageCount: 1 });
    expect(result.counts).toEqual({ UNVERIFIED: 2, IN_PROGRESS: 1, VERIFIED: 1, DISPUTED: 0, FALSE: 0, UNVERIFIABLE: 0 });
    const dam = result.claims.find((claim) => claim.id === ids.dam)!;
    expect(dam).toMatchObject({
      version: 1,
      statement: "Fighters seized the Tabqa dam",
      exact: "took control of the hydroelectric dam near Tabqa",
      status: "UNVERIFIED",
      anchorState: "ANCHORED",
      attribution: "two army sources said",
      assignee: { id: me.id, name: me.name },
      tags: [{ kind: "PLACE", value: "Tabqa" }],
      updatedAt: at(1),
      createdAt: at(1),
    });
    expect(dam.report.source).toMatch(/^Boardwire /);
    expect(result.claims.find((claim) => claim.id === ids.bridge)!.assignee).toBeNull();
  });

  it("offers the story's sources, tags and assignees as filter choices, and nothing from other stories", async () => {
    const result = await board();
    expect(result.sources.map((source) => source.name)).toEqual([expect.stringMatching(/^Boardwire /), expect.stringMatching(/^Reuters /)]);
    expect(result.tags).toEqual([
      { kind: "ACTOR", value: "Interior Ministry" },
      { kind: "PLACE", value: "Qara Qozak" },
      { kind: "PLACE", value: "Raqqa" },
      { kind: "PLACE", value: "Tabqa" },
    ]);
    expect(result.assignees.map((person) => person.id).sort()).toEqual([me.id, colleague.id].sort());
  });

  it("filters by status, and the counts still show every status so the filter explains itself", async () => {
    const result = await board({ status: "UNVERIFIED" });
    expect(result.claims.map((claim) => claim.id)).toEqual([ids.bridge, ids.dam]);
    expect(result.total).toBe(2);
    expect(result.counts).toMatchObject({ UNVERIFIED: 2, IN_PROGRESS: 1, VERIFIED: 1 });
  });

  it("filters by assignee: me, nobody, or a named person", async () => {
    expect(await idsOf({ assignee: "me" })).toEqual([ids.dam]);
    expect(await idsOf({ assignee: "none" })).toEqual([ids.bridge, ids.families]);
    expect(await idsOf({ assignee: colleague.id })).toEqual([ids.ferry]);
  });

  it("filters by source, by tag in any case, and by anchor state; counts honour those filters", async () => {
    const bySource = await board({ source: reutersId });
    expect(bySource.claims.map((claim) => claim.id)).toEqual([ids.bridge, ids.families]);
    expect(bySource.counts).toMatchObject({ UNVERIFIED: 1, IN_PROGRESS: 0, VERIFIED: 1 });
    expect(await idsOf({ tag: "tabqa" })).toEqual([ids.dam]);
    expect(await idsOf({ tag: "INTERIOR MINISTRY" })).toEqual([ids.families]);
    expect(await idsOf({ tag: "Tab" })).toEqual([]);
    expect(await idsOf({ anchor: "orphaned" })).toEqual([ids.bridge]);
    expect(await idsOf({ anchor: "fuzzy" })).toEqual([ids.families]);
  });

  it("searches the words of statements, quotes and attributions, stemmed, and finds nothing unrelated", async () => {
    expect(await idsOf({ q: "seized" })).toEqual([ids.dam]); // statement only
    expect(await idsOf({ q: "hydroelectric" })).toEqual([ids.dam]); // quote only
    expect(await idsOf({ q: "ministry" })).toEqual([ids.families]); // attribution only
    expect(await idsOf({ q: "family" })).toEqual([ids.families]); // stemmed: family ~ families
    expect(await idsOf({ q: "fighters seizing" })).toEqual([ids.dam]); // every word, stemmed
    expect(await idsOf({ q: '"Qara Qozak" bridge' })).toEqual([ids.bridge]);
    expect(await idsOf({ q: "volcano" })).toEqual([]);
    const searched = await board({ q: "Tabqa", status: "VERIFIED" });
    expect(searched.claims).toEqual([]);
    expect(searched.counts).toMatchObject({ UNVERIFIED: 1, VERIFIED: 0 });
    expect(searched.total).toBe(0);
  });

  it("combines filters", async () => {
    expect(await idsOf({ status: "UNVERIFIED", assignee: "none", tag: "qara qozak", q: "bridge" })).toEqual([ids.bridge]);
    expect(await idsOf({ status: "UNVERIFIED", assignee: "me", anchor: "orphaned" })).toEqual([]);
  });

  it("sorts by status in the desk's status order, by creation, and by report publication", async () => {
    const byStatus = (await board({ sort: "status" })).claims;
    const positions = byStatus.map((claim) => CLAIM_STATUS_ORDER.indexOf(claim.status));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(byStatus.map((claim) => claim.id)).toEqual([ids.bridge, ids.dam, ids.ferry, ids.families]);
    expect(await idsOf({ sort: "created" })).toEqual([ids.bridge, ids.families, ids.ferry, ids.dam]);
    // newest report first, claims in reading order inside a report
    expect(await idsOf({ sort: "report" })).toEqual([ids.families, ids.bridge, ids.dam, ids.ferry]);
    expect(await idsOf({ sort: "report", q: "bridge or dam" })).toEqual([ids.bridge, ids.dam]);
    expect(await idsOf({ sort: "status", q: "bridge or dam or ferry" })).toEqual([ids.bridge, ids.dam, ids.ferry]);
  });

  it("ignores stale or malformed filter values instead of failing", async () => {
    const result = await board({ status: "MAYBE", assignee: "someone", source: "not-a-uuid", sort: "sideways", page: "-3" });
    expect(result.query).toMatchObject({ status: undefined, assignee: undefined, source: undefined, sort: "updated", page: 1 });
    expect(result.total).toBe(4);
  });

  it("pages through a story with more claims than a page", async () => {
    const story = await buildStory(me.actor);
    const report = await reportWith(me.actor, story.id, { source: "Pagewire", publishedAt: "2026-03-04T08:00:00Z", sentences: ["A long sentence with something to quote."] });
    await db.claim.createMany({
      data: Array.from({ length: BOARD_PAGE_SIZE + 5 }, (_, index) => ({
        storyId: story.id,
        reportId: report.id,
        reportVersionId: report.versionId,
        exact: "A long",
        start: 0,
        end: 6,
        statement: `Numbered claim ${index}`,
        createdById: me.id,
      })),
    });
    const first = await listBoardClaims(me.actor, story.id, {});
    const second = await listBoardClaims(me.actor, story.id, { page: 2 });
    expect(first).toMatchObject({ total: BOARD_PAGE_SIZE + 5, pageCount: 2, page: 1 });
    expect(first.claims).toHaveLength(BOARD_PAGE_SIZE);
    expect(second.claims).toHaveLength(5);
    const all = new Set([...first.claims, ...second.claims].map((claim) => claim.id));
    expect(all.size).toBe(BOARD_PAGE_SIZE + 5);
  });

  it("an unknown or malformed story id is not found; an unknown role is refused", async () => {
    expect((await domainErrorFrom(listBoardClaims(me.actor, randomUUID(), {}))).kind).toBe("not_found");
    expect((await domainErrorFrom(listBoardClaims(me.actor, "nonsense", {}))).kind).toBe("not_found");
    const unknownRole = { ...me.actor, role: "GUEST" as never };
    expect((await domainErrorFrom(listBoardClaims(unknownRole, storyId, {}))).kind).toBe("forbidden");
  });
});
