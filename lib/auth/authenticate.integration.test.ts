import { describe, expect, it } from "vitest";
import { buildUser, domainErrorFrom, uniqueClientAddress, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { authenticate, clientAddressFrom, WRONG_CREDENTIALS } from "./authenticate";

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

  it("after 5 failed attempts the next one is refused with a time to retry, even with the right password", async () => {
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

  it("the block counts the email however it is capitalised", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();
    await failTimes(user.email.toUpperCase(), address, 5);

    const blocked = await domainErrorFrom(authenticate({ email: user.email, password: PASSWORD }, address));
    expect(blocked.kind).toBe("rate_limited");
  });

  it("a block for one address does not lock the same person out from another address", async () => {
    const user = await buildUser({ password: PASSWORD });
    const blockedAddress = uniqueClientAddress();
    await failTimes(user.email, blockedAddress, 5);

    await expect(authenticate({ email: user.email, password: PASSWORD }, uniqueClientAddress())).resolves.toEqual(user.actor);
    expect((await domainErrorFrom(authenticate({ email: user.email, password: PASSWORD }, blockedAddress))).kind).toBe("rate_limited");
  });

  it("a successful sign-in forgets earlier failures", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();

    await failTimes(user.email, address, 4);
    await expect(authenticate({ email: user.email, password: PASSWORD }, address)).resolves.toEqual(user.actor);

    // without the reset the next failure would be the fifth and block the account
    const again = await failTimes(user.email, address, 4);
    expect(again.map((error) => error.kind)).toEqual(["unauthenticated", "unauthenticated", "unauthenticated", "unauthenticated"]);
    await expect(authenticate({ email: user.email, password: PASSWORD }, address)).resolves.toEqual(user.actor);
  });

  it("a burst of parallel guesses gets no more tries than the budget", async () => {
    const user = await buildUser({ password: PASSWORD });
    const address = uniqueClientAddress();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => domainErrorFrom(authenticate({ email: user.email, password: `parallel-guess-${i}` }, address))),
    );
    expect(results.filter((error) => error.kind === "unauthenticated")).toHaveLength(5);
    expect(results.filter((error) => error.kind === "rate_limited")).toHaveLength(7);
  });

  it("changing the address does not escape the per-email budget", async () => {
    const user = await buildUser({ password: PASSWORD });
    let lastKind = "";
    // 4 failures from each of 6 addresses: no pair budget runs out, the email budget of 20 does
    for (let round = 0; round < 6; round++) {
      const errors = await failTimes(user.email, uniqueClientAddress(), 4);
      lastKind = errors.at(-1)!.kind;
    }
    expect(lastKind).toBe("rate_limited");
    const fromNewAddress = await domainErrorFrom(authenticate({ email: user.email, password: PASSWORD }, uniqueClientAddress()));
    expect(fromNewAddress.kind).toBe("rate_limited");
  });
});

describe("the client address used for throttling", () => {
  const headers = (value: string | null) => ({ get: (name: string) => (name === "x-forwarded-for" ? value : null) });

  it("takes the hop the trusted proxy added, ignoring what the client wrote before it", () => {
    expect(clientAddressFrom(headers("1.2.3.4, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddressFrom(headers("spoofed, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    expect(clientAddressFrom(headers("198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddressFrom(headers(null), 1)).toBe("unknown");
  });
});
