import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { STORAGE } from "./support/auth";
import { database } from "./support/factories";
import { buildApprovedExplainer, explainerVersion, people, publishingRow, type ApprovedExplainer } from "./support/publishing-factories";

/** POST to the desk's publishing API the way the desk's own pages would (same origin). */
async function publishing(request: APIRequestContext, baseURL: string, fixture: ApprovedExplainer, body: Record<string, unknown>) {
  const response = await request.post(`/api/stories/${fixture.storyId}/explainers/${fixture.explainerId}/publishing`, {
    headers: { Origin: baseURL, "Content-Type": "application/json" },
    data: JSON.stringify(body),
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

test.describe("publishing over HTTP, as an editor", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("publish shows on the very next GET, for a reader without a session, and correction and unpublish do too", async ({ request, baseURL, playwright }) => {
    const fixture = await buildApprovedExplainer();
    const reader = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await reader.get(`/explainers/${fixture.slug}`)).status()).toBe(404);

    const published = await publishing(request, baseURL!, fixture, { action: "publish", version: await explainerVersion(fixture.explainerId) });
    expect(published.status).toBe(200);
    const page = await reader.get(`/explainers/${fixture.slug}`);
    expect(page.status()).toBe(200);
    // CDN headers: browsers revalidate, a CDN keeps it s-maxage seconds, a strong tag
    expect(page.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
    expect(page.headers()["etag"]).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const atomFeed = await reader.get("/explainers/feed.atom");
    expect(atomFeed.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
    expect((await reader.get("/explainers/feed.atom", { headers: { "If-None-Match": atomFeed.headers()["etag"]! } })).status()).toBe(304);
    const html = await page.text();
    expect(html).toContain(fixture.title);
    expect(html).toContain('<span class="attribution">according to two army sources</span>');
    expect(html).toContain("Northgate News");

    // a reader's revalidation is a cheap 304
    const etag = page.headers()["etag"]!;
    expect((await reader.get(`/explainers/${fixture.slug}`, { headers: { "If-None-Match": etag } })).status()).toBe(304);

    // a correction: the next GET carries the note, and the old ETag no longer matches
    await database().query(`UPDATE "Explainer" SET state = 'APPROVED', version = version + 1 WHERE id = $1`, [fixture.explainerId]);
    const note = "An earlier version said the ferry had fourteen crossings on Monday; the plan starts Tuesday.";
    const corrected = await publishing(request, baseURL!, fixture, { action: "correct", version: await explainerVersion(fixture.explainerId), note });
    expect(corrected.status).toBe(200);
    const after = await reader.get(`/explainers/${fixture.slug}`, { headers: { "If-None-Match": etag } });
    expect(after.status()).toBe(200);
    expect(await after.text()).toContain(note);
    expect(await (await reader.get("/explainers/feed.atom")).text()).toContain(`/explainers/${fixture.slug}`);

    const unpublished = await publishing(request, baseURL!, fixture, { action: "unpublish", version: await explainerVersion(fixture.explainerId), notice: "Withdrawn while we check the operator's timetable." });
    expect(unpublished.status).toBe(200);
    const gone = await reader.get(`/explainers/${fixture.slug}`);
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toContain("Withdrawn while we check the operator&#39;s timetable.");
    expect(await (await reader.get("/explainers/feed.atom")).text()).not.toContain(`/explainers/${fixture.slug}`);
    expect(await (await reader.get("/explainers/feed.rss")).text()).not.toContain(`/explainers/${fixture.slug}`);
    await reader.dispose();

    // the worker's publishing job replaced the static copy of the page with the notice
    const folder = process.env.PUBLIC_OUTPUT_DIR;
    if (folder) {
      const staticPage = () => readFile(path.join(folder, "explainers", `${fixture.slug}.html`), "utf8").catch(() => "");
      await expect.poll(staticPage, { timeout: 15_000 }).toContain("Withdrawn while we check the operator&#39;s timetable.");
    }
  });

  test("refuses an unapproved explainer, a correction without a note, a stale version and a cross-site request", async ({ request, baseURL }) => {
    const fixture = await buildApprovedExplainer();
    await database().query(`UPDATE "Explainer" SET state = 'IN_REVIEW' WHERE id = $1`, [fixture.explainerId]);
    const unapproved = await publishing(request, baseURL!, fixture, { action: "publish", version: await explainerVersion(fixture.explainerId) });
    expect(unapproved.status).toBe(409);
    expect(String(unapproved.body?.error)).toContain("Only an approved revision");

    await database().query(`UPDATE "Explainer" SET state = 'APPROVED' WHERE id = $1`, [fixture.explainerId]);
    const stale = await publishing(request, baseURL!, fixture, { action: "publish", version: (await explainerVersion(fixture.explainerId)) - 1 });
    expect(stale.status).toBe(409);
    expect(String(stale.body?.error)).toContain("changed since you opened it");

    expect((await publishing(request, baseURL!, fixture, { action: "publish", version: await explainerVersion(fixture.explainerId) })).status).toBe(200);
    await database().query(`UPDATE "Explainer" SET state = 'APPROVED', version = version + 1 WHERE id = $1`, [fixture.explainerId]);
    const noNote = await publishing(request, baseURL!, fixture, { action: "correct", version: await explainerVersion(fixture.explainerId), note: "  " });
    expect(noNote.status).toBe(422);
    expect(noNote.body?.fieldErrors).toMatchObject({ note: expect.stringContaining("public note") });

    const crossSite = await request.post(`/api/stories/${fixture.storyId}/explainers/${fixture.explainerId}/publishing`, {
      headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
      data: JSON.stringify({ action: "unpublish", version: await explainerVersion(fixture.explainerId), notice: "Taken down by a forged request." }),
    });
    expect(crossSite.status()).toBe(403);
    expect((await publishingRow(fixture.explainerId)).publishedRevisionId).not.toBeNull();
  });
});

test.describe("publishing over HTTP, signed out", () => {
  test("a request without a session is refused with 401 and nothing is published", async ({ request, baseURL }) => {
    const fixture = await buildApprovedExplainer();
    const result = await publishing(request, baseURL!, fixture, { action: "publish", version: await explainerVersion(fixture.explainerId) });
    expect(result.status).toBe(401);
    expect((await publishingRow(fixture.explainerId)).publishedRevisionId).toBeNull();
  });

  test("public pages and feeds need no sign-in while desk pages still do", async ({ request }) => {
    const atom = await request.get("/explainers/feed.atom");
    expect(atom.status()).toBe(200);
    expect(atom.headers()["content-type"]).toContain("application/atom+xml");
    expect(await atom.text()).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const rss = await request.get("/explainers/feed.rss");
    expect(rss.status()).toBe(200);
    expect(await rss.text()).toContain('<rss version="2.0"');
    expect((await request.get("/explainers/no-such-explainer")).status()).toBe(404);
    expect((await request.get("/explainers/%3Cscript%3E")).status()).toBe(404);

    for (const path of ["/stories", "/review", "/people"]) {
      const desk = await request.get(path, { maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(desk.status());
      expect(desk.headers()["location"]).toContain("/login");
    }
  });

  test("a draft never published is a 404, and no draft text, reviewer comment or email reaches the page or feeds", async ({ request }) => {
    const fixture = await buildApprovedExplainer();
    // never published: nothing public, whatever its state
    expect((await request.get(`/explainers/${fixture.slug}`)).status()).toBe(404);
    expect(await (await request.get("/explainers/feed.atom")).text()).not.toContain(fixture.slug);

    // published, then a draft change and a reviewer comment inside the desk
    await database().query(
      `UPDATE "Explainer" SET state = 'PUBLISHED', "publishedRevisionId" = "approvedRevisionId", "publishedAt" = now(), "firstPublishedAt" = now() WHERE id = $1`,
      [fixture.explainerId],
    );
    // what a publish does besides the write: move the public site version, so every instance re-renders
    await database().query(`UPDATE "PublicSite" SET version = version + 1 WHERE id = 1`);
    await database().query(`UPDATE "Explainer" SET title = 'SECRET-DRAFT-TITLE', content = jsonb_set(content, '{content,0,content,0,text}', '"SECRET-DRAFT-HEADING"'), state = 'DRAFT' WHERE id = $1`, [
      fixture.explainerId,
    ]);
    await database().query(`INSERT INTO "Comment" (id, "explainerRevisionId", "authorId", body) VALUES (gen_random_uuid(), $1, $2, 'SECRET-REVIEW-COMMENT')`, [
      fixture.revisionId,
      people().REVIEWER.id,
    ]);
    await expect(async () => expect((await request.get(`/explainers/${fixture.slug}`)).status()).toBe(200)).toPass({ timeout: 5000 });
    const bodies = [await (await request.get(`/explainers/${fixture.slug}`)).text(), await (await request.get("/explainers/feed.atom")).text(), await (await request.get("/explainers/feed.rss")).text()];
    for (const body of bodies) {
      for (const secret of ["SECRET-DRAFT", "SECRET-REVIEW-COMMENT", "Internal: fine", people().EDITOR.email, people().REVIEWER.email, people().EDITOR.name, people().REVIEWER.name]) {
        expect(body).not.toContain(secret);
      }
      expect(body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    }
    expect(bodies[0]).toContain(fixture.title);
  });
});
