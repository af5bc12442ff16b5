import { beforeAll, describe, expect, it } from "vitest";
import { schemaOrgProblems } from "./schema-org";
import { db } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { buildUser, domainErrorFrom, uniqueToken, type BuiltUser } from "@/lib/testing/factories";
import {
  approvedExplainer as buildApprovedExplainer,
  approveRevision as buildApprovedRevision,
  bullet,
  cite,
  documentWith,
  publishTarget,
  text,
} from "@/lib/testing/publishing-fixtures";
import { publishCorrection, publishExplainer } from "./publish-explainer";
import { unpublishExplainer } from "./unpublish-explainer";
import { explainerPageResponse, feedResponse } from "./public-responses";

const ORIGIN = "http://public.test";

let editor: BuiltUser;
let reviewer: BuiltUser;

beforeAll(async () => {
  editor = await buildUser({ role: "EDITOR", name: `Esme Secretname ${uniqueToken()}` });
  reviewer = await buildUser({ role: "REVIEWER" });
});

const desk = () => ({ editor, reviewer });
const approvedExplainer = (options: { statuses?: ClaimStatus[]; title?: string } = {}) => buildApprovedExplainer(desk(), options);
const approveRevision = (explainerId: string, input: Parameters<typeof buildApprovedRevision>[2]) => buildApprovedRevision(desk(), explainerId, input);

async function current(explainerId: string) {
  return db.explainer.findUniqueOrThrow({ where: { id: explainerId } });
}

const target = publishTarget;

async function get(slug: string, headers: Record<string, string> = {}) {
  const response = await explainerPageResponse(new Request(`${ORIGIN}/explainers/${slug}`, { headers }), slug);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

async function feed(format: "atom" | "rss") {
  return (await feedResponse(new Request(`${ORIGIN}/explainers/feed.${format}`), format)).text();
}

function jsonLdOf(html: string): Record<string, unknown>[] {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>[];
}

describe("publishing an explainer", () => {
  it("puts an approved explainer on its public page with sources, labels, JSON-LD and the feeds", async () => {
    const fixture = await approvedExplainer();
    expect((await get(fixture.slug)).status).toBe(404);

    const result = await publishExplainer(editor.actor, await target(fixture));
    const row = await current(fixture.explainerId);
    expect(row.state).toBe("PUBLISHED");
    expect(row.publishedRevisionId).toBe(row.approvedRevisionId);
    expect(row.firstPublishedAt?.getTime()).toBe(result.publishedAt.getTime());

    const page = await get(fixture.slug);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("etag")).toBeTruthy();
    expect(page.body).toContain("What to know about the Lorvan ferry");
    expect(page.body).toContain("<h2>What we know</h2>");
    expect(page.body).toMatch(/Northwire [a-z0-9]+<\/span>, <time datetime="2026-03-04T08:00:00.000Z">4 Mar 2026, 08:00 UTC<\/time>/);
    expect(page.body).toContain("Harbour Post");
    expect(page.body).toContain(">Confirmed<");
    expect(page.body).toContain(">Not independently verified<");
    expect(page.body).toContain('<span class="attribution">according to two army sources</span>');
    expect(page.body).toContain(`<link rel="canonical" href="${ORIGIN}/explainers/${fixture.slug}">`);
    expect(page.body).toContain('<meta property="og:title"');

    const [article, ...reviews] = jsonLdOf(page.body);
    expect(article).toMatchObject({ "@type": "NewsArticle", headline: expect.stringContaining("Lorvan ferry"), description: "Service resumes after the storm." });
    expect(article!.datePublished).toBe(result.publishedAt.toISOString());
    // two confirmed claims are rated; the unverified one is cited with attribution, not rated
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: expect.stringContaining("Invented statement 0"),
      reviewRating: { "@type": "Rating", alternateName: "Confirmed", ratingValue: 4, bestRating: 4, worstRating: 1 },
      itemReviewed: { "@type": "Claim", author: { name: expect.stringContaining("Northwire") }, appearance: [{ author: { name: expect.stringContaining("Northwire") } }] },
    });
    // the reviewed statement is the cited claim's own, and every node conforms to schema.org
    const statements = await db.claim.findMany({ where: { id: { in: fixture.claims.map((claim) => claim.id) } }, select: { statement: true } });
    expect(statements.map((row) => row.statement)).toContain(reviews[0]!.claimReviewed);
    for (const node of [article, ...reviews]) expect(schemaOrgProblems(node)).toEqual([]);

    const audit = await db.auditEvent.findFirst({ where: { entityId: fixture.explainerId, action: "explainer.publish" } });
    expect(audit?.actorId).toBe(editor.id);

    const atom = await feed("atom");
    expect(atom).toContain(`<link rel="alternate" type="text/html" href="${ORIGIN}/explainers/${fixture.slug}"/>`);
    expect(await feed("rss")).toContain(`<link>${ORIGIN}/explainers/${fixture.slug}</link>`);
  });

  it("refuses people without the publish permission, unapproved explainers, and stale versions", async () => {
    const fixture = await approvedExplainer();
    const apiToken = { ...editor.actor, apiTokenId: "00000000-0000-7000-8000-000000000000" };
    expect((await domainErrorFrom(publishExplainer(apiToken, await target(fixture)))).kind).toBe("forbidden");
    const unknownRole = { ...editor.actor, role: "READER" as never };
    expect((await domainErrorFrom(publishExplainer(unknownRole, await target(fixture)))).kind).toBe("forbidden");
    expect((await domainErrorFrom(unpublishExplainer(unknownRole, { ...(await target(fixture)), notice: "Taken down for review." }))).kind).toBe("forbidden");

    const stale = await target(fixture);
    await db.explainer.update({ where: { id: fixture.explainerId }, data: { version: { increment: 1 } } });
    const staleError = await domainErrorFrom(publishExplainer(editor.actor, stale));
    expect(staleError.kind).toBe("conflict");
    expect(staleError.message).toContain("changed since you opened it");

    for (const state of ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED"] as const) {
      await db.explainer.update({ where: { id: fixture.explainerId }, data: { state } });
      const error = await domainErrorFrom(publishExplainer(editor.actor, await target(fixture)));
      expect(error.kind).toBe("conflict");
      expect(error.message).toContain("Only an approved revision");
    }
    await db.explainer.update({ where: { id: fixture.explainerId }, data: { state: "APPROVED", needsReReview: true } });
    expect((await domainErrorFrom(publishExplainer(editor.actor, await target(fixture)))).message).toContain("needs another review");
    expect((await current(fixture.explainerId)).publishedRevisionId).toBeNull();
    expect((await get(fixture.slug)).status).toBe(404);
    expect(await db.auditEvent.count({ where: { entityId: fixture.explainerId, action: { startsWith: "explainer.publish" } } })).toBe(0);
  });

  it("publishes once when two people press publish on the same version", async () => {
    const fixture = await approvedExplainer();
    const input = await target(fixture);
    const results = await Promise.allSettled([publishExplainer(editor.actor, input), publishExplainer(reviewer.actor, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: fixture.explainerId, action: "explainer.publish" } })).toBe(1);
  });

  it("keeps the live page on the published revision while an update is written and reviewed, and switches only when it is published", async () => {
    const fixture = await approvedExplainer();
    await publishExplainer(editor.actor, await target(fixture));
    const before = await get(fixture.slug);

    // the working copy changes and a new revision goes to review: nothing of it is public
    const draft = documentWith("What we know", [bullet(text("UNPUBLISHED-DRAFT-SENTENCE about the pier"), cite(fixture.claims[0]!.id))]);
    await db.explainer.update({ where: { id: fixture.explainerId }, data: { content: draft, title: "UNPUBLISHED-DRAFT-TITLE", state: "DRAFT", version: { increment: 1 } } });
    const count = await db.explainerRevision.count({ where: { explainerId: fixture.explainerId } });
    const inReview = await db.explainerRevision.create({
      data: { explainerId: fixture.explainerId, number: count + 1, title: "UNPUBLISHED-DRAFT-TITLE", content: draft, createdById: editor.id },
    });
    await db.comment.create({ data: { explainerRevisionId: inReview.id, authorId: reviewer.id, body: "INTERNAL-REVIEW-COMMENT please fix" } });
    await db.explainer.update({ where: { id: fixture.explainerId }, data: { state: "IN_REVIEW" } });

    const during = await get(fixture.slug);
    expect(during.body).toBe(before.body);
    const leaks = ["UNPUBLISHED-DRAFT", "INTERNAL-REVIEW-COMMENT", "Internal reviewer remark", editor.email, reviewer.email, "Secretname", "@test.wiredesk.example"];
    for (const page of [during.body, await feed("atom"), await feed("rss")]) {
      for (const leak of leaks) expect(page).not.toContain(leak);
    }
    expect(during.body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect((await domainErrorFrom(publishExplainer(editor.actor, await target(fixture)))).kind).toBe("conflict");

    // approved and published: the page switches at once
    await approveRevision(fixture.explainerId, { title: "Updated title of the ferry explainer", content: draft, claims: [fixture.claims[0]!] });
    await publishExplainer(editor.actor, await target(fixture));
    const after = await get(fixture.slug);
    expect(after.body).toContain("UNPUBLISHED-DRAFT-SENTENCE");
    expect(after.body).toContain("Updated title of the ferry explainer");
    expect(after.body).toContain("<strong>Updated</strong>");
  });

  it("publishes a correction only with a public note, and shows the note in the corrections log and the feed", async () => {
    const fixture = await approvedExplainer();
    const neverPublished = await domainErrorFrom(publishCorrection(editor.actor, { ...(await target(fixture)), note: "An earlier version misnamed the port." }));
    expect(neverPublished.kind).toBe("conflict");
    await publishExplainer(editor.actor, await target(fixture));
    const firstFeed = await feed("atom");

    const content = documentWith("What we know", [bullet(text("The ferry crossing reopened on Wednesday"), cite(fixture.claims[0]!.id))]);
    await approveRevision(fixture.explainerId, { title: "Corrected ferry explainer", content, claims: [fixture.claims[0]!] });
    for (const note of [undefined, "", "   ", "short"]) {
      const error = await domainErrorFrom(publishCorrection(editor.actor, { ...(await target(fixture)), note }));
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors.note).toBeTruthy();
    }
    const note = "An earlier version said the crossing reopened on Tuesday; it reopened on Wednesday.";
    const result = await publishCorrection(editor.actor, { ...(await target(fixture)), note: `  ${note} ` });
    const page = await get(fixture.slug);
    expect(page.body).toContain('id="corrections"');
    expect(page.body).toContain(note);
    expect(page.body).toContain("reopened on Wednesday");
    const correction = await db.correction.findUniqueOrThrow({ where: { id: result.correctionId! } });
    expect(correction.note).toBe(note);
    expect(await db.auditEvent.count({ where: { entityId: fixture.explainerId, action: "explainer.publish_correction" } })).toBe(1);

    const atom = await feed("atom");
    expect(atom).not.toBe(firstFeed);
    expect(atom).toContain(`<updated>${result.publishedAt.toISOString()}</updated>`);
    expect(atom).toContain("Correction: An earlier version said");
  });

  it("unpublishes with a notice the URL answers with 410, drops it from the feeds, and republishes after approval", async () => {
    const fixture = await approvedExplainer();
    await publishExplainer(editor.actor, await target(fixture));
    expect((await domainErrorFrom(unpublishExplainer(editor.actor, { ...(await target(fixture)), notice: "" }))).kind).toBe("invalid");

    await unpublishExplainer(editor.actor, { ...(await target(fixture)), notice: "Withdrawn while we re-check the ferry operator's statements." });
    const gone = await get(fixture.slug);
    expect(gone.status).toBe(410);
    expect(gone.body).toContain("Withdrawn while we re-check the ferry operator&#39;s statements.");
    expect(gone.body).not.toContain("Lorvan ferry");
    expect(await feed("atom")).not.toContain(fixture.slug);
    expect(await feed("rss")).not.toContain(fixture.slug);
    expect((await current(fixture.explainerId)).state).toBe("UNPUBLISHED");
    expect((await domainErrorFrom(unpublishExplainer(editor.actor, { ...(await target(fixture)), notice: "Again, for no reason at all." }))).message).toContain("not published");

    // the normal flow again: a revision approved, then published
    await approveRevision(fixture.explainerId, { title: "Back: the Lorvan ferry", content: documentWith("What we know", [bullet(text("Back"), cite(fixture.claims[0]!.id))]), claims: [fixture.claims[0]!] });
    await publishExplainer(reviewer.actor, await target(fixture));
    const back = await get(fixture.slug);
    expect(back.status).toBe(200);
    expect(back.body).toContain("Back: the Lorvan ferry");
    expect(await feed("atom")).toContain(fixture.slug);
  });
});

describe("the public cache", () => {
  it("serves repeat requests from memory, answers 304 to a matching ETag, and shows a change at once", async () => {
    const fixture = await approvedExplainer();
    await publishExplainer(editor.actor, await target(fixture));

    expect((await get(fixture.slug)).headers.get("x-public-cache")).toBe("miss");
    const second = await get(fixture.slug);
    expect(second.headers.get("x-public-cache")).toBe("hit");
    const notModified = await get(fixture.slug, { "if-none-match": second.headers.get("etag")! });
    expect(notModified.status).toBe(304);

    await unpublishExplainer(editor.actor, { ...(await target(fixture)), notice: "Withdrawn for a standards review." });
    const gone = await get(fixture.slug, { "if-none-match": second.headers.get("etag")! });
    expect(gone.status).toBe(410);
  });
});
