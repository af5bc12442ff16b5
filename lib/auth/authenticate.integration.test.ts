import { describe, expect, it } from "vitest";
import { buildUser, domainErrorFrom, uniqueClientAddress, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { authenticate, WRONG_CREDENTIALS } from "./authenticate";
import { isProxyEntry, resolveClientAddress, trustedProxies } from "./client-address";
import { delayAfterAttempt } from "./login-throttle";

const PASSWORD = "correct-horse-battery";

describe("signing in", () => {
  it("the right email and password sign the person in and record when", async () => {
    const user = await buildUser({ role: "REVIEWER", password: PASSWORD });

    const actor = await authenticate({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD }, uniqueClientAddress());

    expect(actor).toEqual(user.actor);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).toBeInstanceOf(Date);
  });

  it("a wrong password and an unknown email get the same message, so nobody can probe for accounts", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();

    const wrongPassword = await domainErrorFrom(authenticate({ email: user.email, password: "not-the-password" }, address));
    const unknownEmail = await domainErrorFrom(authenticate({ email: `nobody-${uniqueToken()}@test.wiredesk.example`, password: PASSWORD }, address));

    for (const error of [wrongPassword, unknownEmail]) {
      expect(error.kind).toBe("unauthenticated");
      expect(error.message).toBe(WRONG_CREDENTIALS);
    }
  });

  it("a person without a password yet cannot sign in with any password", async () => {
    const user = await buildUser();
    const error = await domainErrorFrom(authenticate({ email: user.email, password: "anything-at-all" }, uniqueClientAddress()));
    expect(error.message).toBe(WRONG_CREDENTIALS);
  });

  it.each([
    ["an empty email", { email: "", password: PASSWORD }, "email", /Enter your email/],
    ["an empty password", { email: "someone@test.wiredesk.example", password: "" }, "password", /Enter your password/],
    ["an absurdly long email", { email: `${"a".repeat(5000)}@test.wiredesk.example`, password: PASSWORD }, "email", /at most 254/],
    ["an absurdly long password", { email: "someone@test.wiredesk.example", password: "p".repeat(100_000) }, "password", /at most 256/],
    ["a missing form", undefined, "form", /.+/],
  ])("%s is refused as invalid", async (_case, input, field, message) => {
    const error = await domainErrorFrom(authenticate(input, uniqueClientAddress()));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors[field]).toMatch(message);
  });

  it("a deactivated person is refused even with the right password", async () => {
    const user = await buildUser({ password: PASSWORD, active: false });

    const error = await domainErrorFrom(authenticate({ email: user.email, password: PASSWORD }, uniqueClientAddress()));

    expect(error.kind).toBe("forbidden");
    expect(error.message).toMatch(/deactivated/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });
});

describe("sign-in throttling", () => {
  async function failTimes(email: string, address: string, times: number) {
    const errors = [];
    for (let i = 0; i < times; i++) errors.push(await domainErrorFrom(authenticate({ email, password: `wrong-guess-${i}` }, address)));
    return errors;
  }
  const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 150));

  it("after 5 failed attempts the next one must wait, even with the right password, and is told how long", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();

    const failures = await failTimes(user.email, address, 5);
    expect(failures.map((error) => error.kind)).toEqual(["unauthenticated", "unauthenticated", "unauthenticated", "unauthenticated", "unauthenticated"]);

    const blocked = await domainErrorFrom(authenticate({ email: user.email, password: PASSWORD }, address));
    expect(blocked.kind).toBe("rate_limited");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.message).toBe(
      `Too many failed sign-ins. Try again in ${blocked.retryAfterSeconds} second${blocked.retryAfterSeconds === 1 ? "" : "s"}.`,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });

  it("the owner can still sign in after an attacker's failures from many addresses, once the short delay has passed", async () => {
    const owner = await buildUser({ password: PASSWORD });
    // the attacker rotates addresses: no address reaches its own budget, the account does
    for (let round = 0; round < 3; round++) await failTimes(owner.email, uniqueClientAddress(), 2);

    const ownerAddress = uniqueClientAddress();
    const first = await domainErrorFrom(authenticate({ email: owner.email, password: PASSWORD }, ownerAddress));
    expect(first.kind).toBe("rate_limited");
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(2);

    await sleep(first.retryAfterSeconds!);
    await expect(authenticate({ email: owner.email, password: PASSWORD }, ownerAddress)).resolves.toEqual(owner.actor);
  });

  it("delays grow with each further failure, and a refused attempt does not make them grow", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();
    await failTimes(user.email, address, 5);
    const waits: number[] = [];
    for (let i = 0; i < 2; i++) {
      const refused = await domainErrorFrom(authenticate({ email: user.email, password: "still-wrong" }, address));
      expect(refused.kind).toBe("rate_limited");
      // hammering while refused changes nothing
      expect((await domainErrorFrom(authenticate({ email: user.email, password: "still-wrong" }, address))).retryAfterSeconds).toBeLessThanOrEqual(refused.retryAfterSeconds!);
      waits.push(refused.retryAfterSeconds!);
      await sleep(refused.retryAfterSeconds!);
      expect((await domainErrorFrom(authenticate({ email: user.email, password: "wrong-after-wait" }, address))).kind).toBe("unauthenticated");
    }
    const next = await domainErrorFrom(authenticate({ email: user.email, password: PASSWORD }, address));
    expect(next.kind).toBe("rate_limited");
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(next.retryAfterSeconds).toBeGreaterThan(waits[1]!);
  });

  it("the delay counts the email however it is capitalised", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();
    await failTimes(user.email.toUpperCase(), address, 5);

    const blocked = await domainErrorFrom(authenticate({ email: user.email, password: PASSWORD }, address));
    expect(blocked.kind).toBe("rate_limited");
  });

  it("an address that fails against many accounts is slowed down for every account", async () => {
    const address = uniqueClientAddress();
    for (let i = 0; i < 5; i++) await domainErrorFrom(authenticate({ email: `nobody-${uniqueToken()}@test.wiredesk.example`, password: "guess" }, address));
    const victim = await buildUser({ password: PASSWORD });
    expect((await domainErrorFrom(authenticate({ email: victim.email, password: PASSWORD }, address))).kind).toBe("rate_limited");
    // the victim, from their own address, is not affected
    await expect(authenticate({ email: victim.email, password: PASSWORD }, uniqueClientAddress())).resolves.toEqual(victim.actor);
  });

  it("a successful sign-in forgets earlier failures", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();

    await failTimes(user.email, address, 4);
    await expect(authenticate({ email: user.email, password: PASSWORD }, address)).resolves.toEqual(user.actor);

    // without the reset the next failure would be the fifth and start the delays
    const again = await failTimes(user.email, address, 4);
    expect(again.map((error) => error.kind)).toEqual(["unauthenticated", "unauthenticated", "unauthenticated", "unauthenticated"]);
    await expect(authenticate({ email: user.email, password: PASSWORD }, address)).resolves.toEqual(user.actor);
  });

  it("a burst of parallel guesses gets no more tries than the free budget", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => domainErrorFrom(authenticate({ email: user.email, password: `parallel-guess-${i}` }, address))),
    );
    // the four free attempts always go ahead, and at most one more takes the slot past the budget.
    // The account and the address each have a slot: when one guess wins the account's and another
    // the address's, both are refused, so a burst may get one try fewer, never one more
    const tried = results.filter((error) => error.kind === "unauthenticated").length;
    expect(tried).toBeGreaterThanOrEqual(4);
    expect(tried).toBeLessThanOrEqual(5);
    expect(results.filter((error) => error.kind === "rate_limited")).toHaveLength(12 - tried);
  });
});

describe("delays", () => {
  it("start after the free attempts, double, and stop at the cap", () => {
    expect([1, 4, 5, 6, 7, 10, 40].map((attempt) => delayAfterAttempt(attempt, 5, 60))).toEqual([0, 0, 1, 2, 4, 32, 60]);
  });
});

describe("the client address used for throttling", () => {
  const proxies = trustedProxies(["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"]);

  it("is the peer itself when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.7", "1.2.3.4", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:198.51.100.7", "1.2.3.4, 10.0.0.1", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9", trustedProxies([]))).toBe("127.0.0.1");
  });

  it("behind trusted proxies is the first untrusted hop from the right, ignoring what the client wrote before it", () => {
    expect(resolveClientAddress("10.0.0.2", "spoofed-1.2.3.4, 203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7, 192.0.2.1", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("2001:db8::5", "2001:db8::9, 2a00:1450::1", proxies)).toBe("2a00:1450::1");
    // only trusted hops: the leftmost is the closest thing to a client
    expect(resolveClientAddress("10.0.0.2", "10.0.0.3", proxies)).toBe("10.0.0.3");
    // a trusted proxy that forwarded nothing: the proxy itself
    expect(resolveClientAddress("10.0.0.2", null, proxies)).toBe("10.0.0.2");
    // garbage in the header stops the walk at the proxy that passed it on
    expect(resolveClientAddress("10.0.0.2", "not-an-address", proxies)).toBe("10.0.0.2");
  });

  it("rotating the header from an untrusted peer lands every attempt on the same address", () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => resolveClientAddress("198.51.100.7", `203.0.113.${i}`, proxies)));
    expect([...seen]).toEqual(["198.51.100.7"]);
  });

  it("TRUSTED_PROXIES entries are checked", () => {
    expect(["10.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32"].every(isProxyEntry)).toBe(true);
    expect(["10.0.0.0/33", "example.org", "10.0.0.1/8/1", "", "::1/129"].some(isProxyEntry)).toBe(false);
  });
});
