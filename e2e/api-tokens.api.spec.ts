import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { STORAGE } from "./support/auth";
import { database } from "./support/factories";
import { actionId, callServerAction } from "./support/server-actions";
import { buildStory, createToken, signedInPerson, TOKEN_ACTIONS, TOKEN_PAGE, wireReport } from "./support/api-ingest";

test.describe("a wire system pushes reports with an API token", () => {
  test.use({ storageState: STORAGE.ADMIN });

  test("a new report is created (201), the same again is a duplicate (200), a changed body is a new version", async ({ request, playwright, baseURL }) => {
    const storyId = await buildStory(signedInPerson("ADMIN").id);
    const { token } = await createToken(request, baseURL!, `E2E bridge ${randomBytes(3).toString("hex")}`);
    // a fresh client with no cookies: only the token authenticates it
    const wire = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const url = `/api/v1/stories/${storyId}/reports`;
    const report = wireReport();

    const created = await wire.post(url, { data: report });
    expect(created.status()).toBe(201);
    const first = (await created.json()) as { results: { outcome: string; reportId: string; version: number; headline: string }[] };
    expect(first.results).toEqual([expect.objectContaining({ outcome: "imported", version: 1, headline: report.headline, reason: null })]);

    const duplicate = await wire.post(url, { data: report });
    expect(duplicate.status()).toBe(200);
    expect(((await duplicate.json()) as typeof first).results[0]).toMatchObject({ outcome: "duplicate", reportId: first.results[0]!.reportId, version: 1 });

    const changed = await wire.post(url, { data: { ...report, body: `${report.body}\n\nUpdate: two crossings cancelled for fog.` } });
    expect(changed.status()).toBe(201);
    expect(((await changed.json()) as typeof first).results[0]).toMatchObject({ outcome: "new_version", reportId: first.results[0]!.reportId, version: 2 });

    const versions = await database().query(`SELECT channel FROM "ReportVersion" WHERE "reportId" = $1`, [first.results[0]!.reportId]);
    expect(versions.rows).toEqual([{ channel: "API" }, { channel: "API" }]);
    await wire.dispose();
  });

  test("raw ninjs and a NewsML-G2 message go through the same endpoint and parsers as uploaded files", async ({ request, playwright, baseURL }) => {
    const storyId = await buildStory(signedInPerson("ADMIN").id);
    const { token } = await createToken(request, baseURL!, `Agency formats ${randomBytes(3).toString("hex")}`);
    const wire = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const tag = randomBytes(4).toString("hex");
    const url = `/api/v1/stories/${storyId}/reports?source=Northwire`;

    const ninjs = await wire.post(url, {
      data: {
        uri: `urn:newsml:northwire.example:${tag}`,
        versioncreated: "2026-06-02T10:00:00Z",
        headlines: [{ role: "main", value: `Harbour cranes idle as strike enters day two (${tag})` }],
        body_text: "Dock workers at the invented port of Selby stayed out.\n\nTalks resume on Friday.",
      },
    });
    expect(ninjs.status()).toBe(201);
    expect(((await ninjs.json()) as { results: unknown[] }).results).toEqual([expect.objectContaining({ outcome: "imported", headline: expect.stringContaining(tag) })]);

    const item = (n: number) => `<newsItem guid="urn:newsml:northwire.example:${tag}-${n}" version="1" standard="NewsML-G2" standardversion="2.33">
        <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-06-02T10:0${n}:00Z</versionCreated></itemMeta>
        <contentMeta><headline>NewsML item ${n} (${tag})</headline></contentMeta>
        <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>Item ${n} text.</p></body.content></body></nitf></inlineXML></contentSet>
      </newsItem>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2026-06-02T10:05:00Z</sent></header><itemSet>${item(1)}${item(2)}</itemSet></newsMessage>`;
    const newsml = await wire.post(url, { data: Buffer.from(xml, "utf8"), headers: { "Content-Type": "application/xml" } });
    expect(newsml.status()).toBe(201);
    const lines = ((await newsml.json()) as { results: { outcome: string; item: number }[] }).results;
    expect(lines.map((line) => [line.item, line.outcome])).toEqual([
      [1, "imported"],
      [2, "imported"],
    ]);
    await wire.dispose();
  });

  test("no token, a wrong token or a revoked token gets 401 with WWW-Authenticate, even with a desk session cookie", async ({ request, baseURL }) => {
    const storyId = await buildStory(signedInPerson("ADMIN").id);
    const url = `/api/v1/stories/${storyId}/reports`;
    // `request` carries the admin's session cookie: the API ignores it
    const anonymous = await request.post(url, { data: wireReport() });
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["www-authenticate"]).toMatch(/^Bearer/);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/API token/);

    const wrong = await request.post(url, { data: wireReport(), headers: { Authorization: `Bearer wd_${"x".repeat(43)}` } });
    expect(wrong.status()).toBe(401);

    const { token, id } = await createToken(request, baseURL!, `Soon revoked ${randomBytes(3).toString("hex")}`);
    const before = await request.post(url, { data: wireReport(), headers: { Authorization: `Bearer ${token}` } });
    expect(before.status()).toBe(201);
    const revoke = await callServerAction(request, baseURL!, TOKEN_PAGE, actionId(TOKEN_ACTIONS, "revokeApiTokenAction"), [{ tokenId: id }]);
    expect(revoke.body).toContain('"ok":true');
    const after = await request.post(url, { data: wireReport(), headers: { Authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    expect(((await after.json()) as { error: string }).error).toMatch(/revoked/);
    expect(after.headers()["www-authenticate"]).toMatch(/^Bearer/);
  });

  test("bad input gets a clear 4xx with a message, never a 500", async ({ request, playwright, baseURL }) => {
    const storyId = await buildStory(signedInPerson("ADMIN").id);
    const { token } = await createToken(request, baseURL!, `Sloppy client ${randomBytes(3).toString("hex")}`);
    const wire = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const url = `/api/v1/stories/${storyId}/reports`;
    // a Buffer goes out byte for byte (Playwright would JSON-encode a string sent as JSON)
    const send = (body: string | Buffer, contentType: string, path = url) =>
      wire.post(path, { data: typeof body === "string" ? Buffer.from(body, "utf8") : body, headers: { "Content-Type": contentType } });

    const broken = await send('{"headline": "unterminated', "application/json");
    expect(broken.status()).toBe(422);
    expect(((await broken.json()) as { error: string }).error).toMatch(/not valid JSON/);

    const noHeadline = await send(JSON.stringify(wireReport({ headline: "" })), "application/json");
    expect(noHeadline.status()).toBe(422);
    expect(((await noHeadline.json()) as { fieldErrors: Record<string, string> }).fieldErrors.headline).toBe("A report needs a headline.");

    const plainText = await send("Just some text", "text/plain");
    expect(plainText.status()).toBe(415);
    expect(((await plainText.json()) as { error: string }).error).toMatch(/application\/json/);

    const unknownStory = await send(JSON.stringify(wireReport()), "application/json", `/api/v1/stories/${randomUUID()}/reports`);
    expect(unknownStory.status()).toBe(404);

    const huge = await send(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), "application/json");
    expect(huge.status()).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toMatch(/limit/);

    const badXml = await send("<newsItem><unclosed></newsItem>", "application/xml");
    expect(badXml.status()).toBe(422);
    expect(((await badXml.json()) as { results: { outcome: string; reason: string }[] }).results[0]).toMatchObject({ outcome: "rejected" });

    const getInstead = await wire.get(url);
    expect(getInstead.status()).toBe(405);
    await wire.dispose();
  });
});

test.describe("only admins hand out tokens", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("an editor calling the create-token action directly is refused and gets no token", async ({ request, baseURL }) => {
    const name = `Editor attempt ${randomBytes(3).toString("hex")}`;
    // the tokens page's own path is where Next.js runs the action; another page's path must not
    // run it either
    const result = await callServerAction(request, baseURL!, TOKEN_PAGE, actionId(TOKEN_ACTIONS, "createApiTokenAction"), [{ name }]);
    expect(result.body, `status ${result.status}`).toContain('"kind":"forbidden"');
    expect(result.body).not.toMatch(/wd_[A-Za-z0-9_-]{43}/);
    const elsewhere = await callServerAction(request, baseURL!, "/stories", actionId(TOKEN_ACTIONS, "createApiTokenAction"), [{ name }]);
    expect(elsewhere.body).not.toMatch(/wd_[A-Za-z0-9_-]{43}/);
    expect((await database().query(`SELECT 1 FROM "ApiToken" WHERE name = $1`, [name])).rowCount).toBe(0);
  });
});
