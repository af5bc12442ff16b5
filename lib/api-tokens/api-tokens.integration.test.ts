import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { createStory } from "@/lib/stories/mutate-story";
import { setPersonActive } from "@/lib/people/update-person-access";
import { authenticateApiToken, LAST_USED_RESOLUTION_MS } from "./authenticate-api-token";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { hashApiToken } from "./token-format";

const bearer = (token: string) => `Bearer ${token}`;

describe("an admin creates an API token", () => {
  it("the token is shown once, stored only as its hash, and signs a wire system in as the admin", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const { apiToken, token } = await createApiToken(admin.actor, { name: "  Agency feed bridge  " });

    expect(token).toMatch(/^wd_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: "Agency feed bridge", prefix: token.slice(0, 10), lastUsedAt: null, revokedAt: null, createdBy: { id: admin.id } });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(Object.values(row).map(String)).not.toContain(token);

    const actor = await authenticateApiToken(bearer(token));
    expect(actor).toEqual({ id: admin.id, role: "ADMIN", name: admin.name, email: admin.email, apiTokenId: apiToken.id });

    const audit = await db.auditEvent.findMany({ where: { entityId: apiToken.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "api_token.create", actorId: admin.id, after: { name: "Agency feed bridge", prefix: token.slice(0, 10) } });
    expect(JSON.stringify(audit[0])).not.toContain(token);
  });

  it("two tokens created one after the other are different and both work", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const first = await createApiToken(admin.actor, { name: "First system" });
    const second = await createApiToken(admin.actor, { name: "Second system" });
    expect(first.token).not.toBe(second.token);
    expect((await authenticateApiToken(bearer(first.token))).apiTokenId).toBe(first.apiToken.id);
    expect((await authenticateApiToken(bearer(second.token))).apiTokenId).toBe(second.apiToken.id);
  });

  it("a token without a name is refused with a message on the name field", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const before = await db.apiToken.count();
    const error = await domainErrorFrom(createApiToken(admin.actor, { name: "   " }));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors.name).toMatch(/Name the token/);
    expect(await db.apiToken.count()).toBe(before);
  });

  it("the list shows name, prefix, creator, last use and status, and never the hash", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const used = await createApiToken(admin.actor, { name: `Used ${admin.id}` });
    const revoked = await createApiToken(admin.actor, { name: `Revoked ${admin.id}` });
    await authenticateApiToken(bearer(used.token));
    await revokeApiToken(admin.actor, { tokenId: revoked.apiToken.id });

    const list = await listApiTokens(admin.actor);
    const usedRow = list.find((row) => row.id === used.apiToken.id);
    const revokedRow = list.find((row) => row.id === revoked.apiToken.id);
    expect(usedRow).toMatchObject({ name: `Used ${admin.id}`, prefix: used.token.slice(0, 10), createdBy: { name: admin.name }, revokedAt: null });
    expect(usedRow?.lastUsedAt).toBeInstanceOf(Date);
    expect(revokedRow).toMatchObject({ lastUsedAt: null, revokedBy: { id: admin.id, name: admin.name } });
    expect(revokedRow?.revokedAt).toBeInstanceOf(Date);
    // usable tokens come before revoked ones
    expect(list.findIndex((row) => row.id === used.apiToken.id)).toBeLessThan(list.findIndex((row) => row.id === revoked.apiToken.id));
    expect(JSON.stringify(list)).not.toMatch(/tokenHash|wd_[A-Za-z0-9_-]{43}/);
  });
});

describe("which tokens are refused", () => {
  it("a missing, malformed or unknown token is refused as unauthenticated", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const { token } = await createApiToken(admin.actor, { name: "Real one" });
    const attempts: [string | null, RegExp][] = [
      [null, /Send an API token/],
      ["", /Send an API token/],
      [token, /Bearer/], // the scheme is missing
      [`Basic ${token}`, /Bearer/],
      ["Bearer wd_short", /Bearer/],
      [`Bearer ${token}x`, /Bearer/],
      [`Bearer wd_${"A".repeat(43)}`, /not known/],
    ];
    for (const [header, message] of attempts) {
      const error = await domainErrorFrom(authenticateApiToken(header));
      expect(error.kind).toBe("unauthenticated");
      expect(error.message).toMatch(message);
    }
    // the scheme is case-insensitive, as HTTP says
    await expect(authenticateApiToken(`bearer ${token}`)).resolves.toMatchObject({ id: admin.id });
  });

  it("a revoked token is refused from its next request on, and revoking it again is a conflict", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const otherAdmin = await buildUser({ role: "ADMIN" });
    const { apiToken, token } = await createApiToken(admin.actor, { name: "Soon revoked" });
    await expect(authenticateApiToken(bearer(token))).resolves.toMatchObject({ apiTokenId: apiToken.id });

    const revoked = await revokeApiToken(otherAdmin.actor, { tokenId: apiToken.id });
    expect(revoked.revokedBy).toEqual({ id: otherAdmin.id, name: otherAdmin.name });
    const error = await domainErrorFrom(authenticateApiToken(bearer(token)));
    expect(error.kind).toBe("unauthenticated");
    expect(error.message).toMatch(/revoked/);

    const again = await domainErrorFrom(revokeApiToken(admin.actor, { tokenId: apiToken.id }));
    expect(again.kind).toBe("conflict");
    expect(again.message).toMatch(/already revoked/);
    const audit = await db.auditEvent.findMany({ where: { entityId: apiToken.id, action: "api_token.revoke" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: otherAdmin.id });
  });

  it("two admins revoking the same token at once record one revocation", async () => {
    const [first, second] = await Promise.all([buildUser({ role: "ADMIN" }), buildUser({ role: "ADMIN" })]);
    const { apiToken } = await createApiToken(first.actor, { name: "Revoked twice at once" });
    const outcomes = await Promise.allSettled([
      revokeApiToken(first.actor, { tokenId: apiToken.id }),
      revokeApiToken(second.actor, { tokenId: apiToken.id }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: apiToken.id, action: "api_token.revoke" } })).toBe(1);
  });

  it("revoking a token that does not exist says so", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const error = await domainErrorFrom(revokeApiToken(admin.actor, { tokenId: "0190a0b0-0000-7000-8000-000000000000" }));
    expect(error.kind).toBe("not_found");
  });

  it("a token stops working when the admin who created it is deactivated", async () => {
    const creator = await buildUser({ role: "ADMIN" });
    const otherAdmin = await buildUser({ role: "ADMIN" });
    const { token } = await createApiToken(creator.actor, { name: "Creator leaves" });
    await setPersonActive(otherAdmin.actor, { userId: creator.id, active: false, version: creator.version });

    const error = await domainErrorFrom(authenticateApiToken(bearer(token)));
    expect(error.kind).toBe("unauthenticated");
    expect(error.message).toMatch(/deactivated/);
  });
});

describe("who may manage tokens", () => {
  it.each(["EDITOR", "REVIEWER"] as const)("a %s cannot create, list or revoke tokens", async (role) => {
    const member = await buildUser({ role });
    const admin = await buildUser({ role: "ADMIN" });
    const { apiToken } = await createApiToken(admin.actor, { name: `Not theirs ${member.id}` });
    const before = await db.apiToken.count();

    for (const attempt of [
      createApiToken(member.actor, { name: "Sneaky token" }),
      listApiTokens(member.actor),
      revokeApiToken(member.actor, { tokenId: apiToken.id }),
    ]) {
      expect((await domainErrorFrom(attempt)).kind).toBe("forbidden");
    }
    expect(await db.apiToken.count()).toBe(before);
    await expect(db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).resolves.toMatchObject({ revokedAt: null });
  });

  it("a token made by an admin cannot itself create or revoke tokens", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const { apiToken, token } = await createApiToken(admin.actor, { name: "Feed bridge" });
    const tokenActor = await authenticateApiToken(bearer(token));
    expect((await domainErrorFrom(createApiToken(tokenActor, { name: "Minted by a token" }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(revokeApiToken(tokenActor, { tokenId: apiToken.id }))).kind).toBe("forbidden");
    expect((await domainErrorFrom(listApiTokens(tokenActor))).kind).toBe("forbidden");
  });
});

describe("what a token may do", () => {
  it("a token imports a report in its creator's name, but cannot create a story", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const story = await buildStory(admin.actor);
    const { apiToken, token } = await createApiToken(admin.actor, { name: "Importer" });
    const tokenActor = await authenticateApiToken(bearer(token));

    const stored = await storeReport(tokenActor, buildReportInput(story.id), "API");
    expect(stored.outcome).toBe("imported");
    const version = await db.reportVersion.findFirstOrThrow({ where: { reportId: stored.reportId } });
    expect(version).toMatchObject({ channel: "API", importedById: admin.id, apiTokenId: apiToken.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: stored.reportId, action: "report.import" } });
    expect(audit).toMatchObject({ actorId: admin.id, apiTokenId: apiToken.id });

    const storiesBefore = await db.story.count();
    const refused = await domainErrorFrom(createStory(tokenActor, { title: "A story made by a token" }));
    expect(refused.kind).toBe("forbidden");
    expect(await db.story.count()).toBe(storiesBefore);
    // the same admin, signed in as themself, can
    await expect(createStory(admin.actor, { title: "A story made by the admin" })).resolves.toMatchObject({ title: "A story made by the admin" });
  });

  it("the last-used time is set on first use and written at most once a minute", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const { apiToken, token } = await createApiToken(admin.actor, { name: "Busy feed" });
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();

    const started = Date.now();
    await authenticateApiToken(bearer(token));
    const first = await lastUsed();
    expect(first?.getTime()).toBeGreaterThanOrEqual(started - 5);

    // a burst of requests within the minute leaves it alone
    await Promise.all(Array.from({ length: 5 }, () => authenticateApiToken(bearer(token))));
    expect(await lastUsed()).toEqual(first);

    // once it is older than a minute, the next request moves it forward
    const stale = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 1000);
    await db.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: stale } });
    await authenticateApiToken(bearer(token));
    expect((await lastUsed())!.getTime()).toBeGreaterThan(stale.getTime() + LAST_USED_RESOLUTION_MS);
  });
});
