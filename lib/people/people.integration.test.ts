import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildUser, domainErrorFrom, uniqueClientAddress, uniqueToken } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { createPerson } from "./create-person";
import { describePasswordLink, issuePasswordLink, setPasswordWithToken } from "./password-links";
import { changeRole, setPersonActive } from "./update-person-access";

const LAST_ADMIN = "The desk must keep at least one active admin. Make someone else an admin first.";

function newEmail(): string {
  return `new-${uniqueToken()}@test.wiredesk.example`;
}

/**
 * Files share one database and other files leave active admins behind; the last-admin rule is
 * about the whole desk, so these tests first make `keep` the only active admins there are.
 */
async function makeOnlyActiveAdmins(keep: string[]): Promise<void> {
  await db.user.updateMany({
    where: { role: "ADMIN", active: true, id: { notIn: keep } },
    data: { active: false, deactivatedAt: new Date() },
  });
}

async function activeAdminIds(): Promise<string[]> {
  const rows = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  return rows.map((row) => row.id).sort();
}

describe("adding people to the desk", () => {
  it("an admin adds a person with a password, and that person can sign in with it", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const email = newEmail();

    const { person, setPasswordToken } = await createPerson(admin.actor, {
      name: "Lena Okafor",
      email: email.toUpperCase(),
      role: "REVIEWER",
      credential: "password",
      password: "a-long-enough-password",
    });

    expect(setPasswordToken).toBeNull();
    expect(person).toMatchObject({ name: "Lena Okafor", email, role: "REVIEWER", active: true, version: 1 });
    const signedIn = await authenticate({ email, password: "a-long-enough-password" }, uniqueClientAddress());
    expect(signedIn).toEqual({ id: person.id, role: "REVIEWER", name: "Lena Okafor", email });

    const audit = await db.auditEvent.findMany({ where: { entityId: person.id, action: "person.create" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, after: { email, role: "REVIEWER", credential: "password" } });
  });

  it("a one-time link lets the new person choose a password exactly once", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const email = newEmail();
    const { person, setPasswordToken } = await createPerson(admin.actor, { name: "Rafael Dunmore", email, role: "EDITOR", credential: "link" });
    expect(setPasswordToken).toEqual(expect.any(String));
    const token = setPasswordToken!;
    expect(await describePasswordLink(token)).toEqual({ name: "Rafael Dunmore", email });

    // before the link is used there is no password to sign in with
    const before = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(before.passwordHash).toBeNull();

    await expect(setPasswordWithToken({ token, password: "first-chosen-password", confirm: "first-chosen-password" })).resolves.toEqual({ email });
    await expect(authenticate({ email, password: "first-chosen-password" }, uniqueClientAddress())).resolves.toMatchObject({ id: person.id });

    const reused = await domainErrorFrom(setPasswordWithToken({ token, password: "second-chosen-password", confirm: "second-chosen-password" }));
    expect(reused.kind).toBe("invalid");
    expect(reused.message).toMatch(/expired or was already used/);
    expect(await describePasswordLink(token)).toBeNull();
    // the first password still works: the second use changed nothing
    await expect(authenticate({ email, password: "first-chosen-password" }, uniqueClientAddress())).resolves.toMatchObject({ id: person.id });
  });

  it("an expired set-password link is refused and sets no password", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const { person, setPasswordToken } = await createPerson(admin.actor, { name: "Ines Varga", email: newEmail(), role: "EDITOR", credential: "link" });
    await db.passwordSetToken.updateMany({ where: { userId: person.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    expect(await describePasswordLink(setPasswordToken!)).toBeNull();
    const error = await domainErrorFrom(
      setPasswordWithToken({ token: setPasswordToken!, password: "too-late-password", confirm: "too-late-password" }),
    );
    expect(error.kind).toBe("invalid");
    expect(error.message).toMatch(/expired/);
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.passwordHash).toBeNull();
  });

  it("issuing a new link makes the older link stop working", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const { person, setPasswordToken: oldToken } = await createPerson(admin.actor, { name: "Omar Test", email: newEmail(), role: "EDITOR", credential: "link" });
    const { token: newToken } = await issuePasswordLink(admin.actor, { userId: person.id });

    expect(await describePasswordLink(oldToken!)).toBeNull();
    const error = await domainErrorFrom(setPasswordWithToken({ token: oldToken!, password: "old-link-password", confirm: "old-link-password" }));
    expect(error.kind).toBe("invalid");
    await expect(setPasswordWithToken({ token: newToken, password: "new-link-password", confirm: "new-link-password" })).resolves.toEqual({
      email: person.email,
    });
  });

  it("adding someone whose email is already on the desk is a conflict naming the email", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const email = newEmail();
    await createPerson(admin.actor, { name: "First Holder", email, role: "EDITOR", credential: "link" });

    const error = await domainErrorFrom(
      createPerson(admin.actor, { name: "Second Holder", email: `  ${email.toUpperCase()} `, role: "EDITOR", credential: "password", password: "another-password" }),
    );
    expect(error.kind).toBe("conflict");
    expect(error.message).toBe(`Someone with the email ${email} is already on the desk.`);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("a form with an empty name, an over-long email, a short password or an unknown role is refused field by field", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const email = newEmail();
    const valid = { name: "Valid Name", email, role: "EDITOR", credential: "password", password: "long-enough-password" };

    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...valid, name: "   " }, "name", /Enter a name/],
      [{ ...valid, email: `${"x".repeat(280)}@example.com` }, "email", /at most 254/],
      [{ ...valid, password: "short" }, "password", /at least 10/],
      [{ ...valid, password: "password123456" }, "password", /too easy to guess/],
      [{ ...valid, password: "qwertyuiop12" }, "password", /too easy to guess/],
      [{ ...valid, role: "SUPERUSER" }, "role", /Choose a role/],
    ];
    for (const [input, field, message] of cases) {
      const error = await domainErrorFrom(createPerson(admin.actor, input));
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors[field]).toMatch(message);
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("who may manage people", () => {
  it.each(["EDITOR", "REVIEWER"] as const)("a %s cannot add people, change roles or deactivate anyone", async (role) => {
    const member = await buildUser({ role });
    const target = await buildUser({ role: "EDITOR" });
    const email = newEmail();

    const attempts = [
      createPerson(member.actor, { name: "Sneaky Add", email, role: "ADMIN", credential: "password", password: "long-enough-password" }),
      changeRole(member.actor, { userId: target.id, role: "ADMIN", version: target.version }),
      changeRole(member.actor, { userId: member.id, role: "ADMIN", version: member.version }),
      setPersonActive(member.actor, { userId: target.id, active: false, version: target.version }),
      issuePasswordLink(member.actor, { userId: target.id }),
    ];
    for (const attempt of attempts) expect((await domainErrorFrom(attempt)).kind).toBe("forbidden");

    expect(await db.user.count({ where: { email } })).toBe(0);
    await expect(db.user.findUniqueOrThrow({ where: { id: target.id } })).resolves.toMatchObject({ role: "EDITOR", active: true, version: 1 });
    await expect(db.user.findUniqueOrThrow({ where: { id: member.id } })).resolves.toMatchObject({ role, version: 1 });
    expect(await db.auditEvent.count({ where: { entityId: { in: [target.id, member.id] } } })).toBe(0);
  });
});

describe("changing roles and access", () => {
  it("a role change is recorded in the audit log with the role before and after", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const person = await buildUser({ role: "EDITOR" });

    const updated = await changeRole(admin.actor, { userId: person.id, role: "REVIEWER", version: person.version });

    expect(updated).toMatchObject({ role: "REVIEWER", active: true, version: 2 });
    const events = await db.auditEvent.findMany({ where: { entityId: person.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      action: "person.change_role",
      entityType: "user",
      before: { role: "EDITOR", active: true },
      after: { role: "REVIEWER", active: true },
    });
  });

  it("deactivating and reactivating someone are each recorded with the status before and after", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const person = await buildUser({ role: "REVIEWER" });

    const off = await setPersonActive(admin.actor, { userId: person.id, active: false, version: 1 });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).deactivatedAt).toBeInstanceOf(Date);
    const on = await setPersonActive(admin.actor, { userId: person.id, active: true, version: 2 });
    expect(on).toMatchObject({ active: true, version: 3 });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).deactivatedAt).toBeNull();

    const events = await db.auditEvent.findMany({ where: { entityId: person.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((event) => [event.action, event.before, event.after])).toEqual([
      ["person.deactivate", { role: "REVIEWER", active: true }, { role: "REVIEWER", active: false }],
      ["person.reactivate", { role: "REVIEWER", active: false }, { role: "REVIEWER", active: true }],
    ]);
  });

  it("when the audit event cannot be written the role change does not happen either", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const person = await buildUser({ role: "EDITOR" });
    // a trigger that refuses this person's audit events stands in for any failure after the update
    const name = `test_refuse_audit_${randomBytes(6).toString("hex")}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused by test'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."entityId" = '${person.id}'::uuid) EXECUTE FUNCTION ${name}()`,
    );
    try {
      await expect(changeRole(admin.actor, { userId: person.id, role: "ADMIN", version: 1 })).rejects.toThrow(/audit refused by test/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
    await expect(db.user.findUniqueOrThrow({ where: { id: person.id } })).resolves.toMatchObject({ role: "EDITOR", version: 1 });
  });

  it("an admin working from a stale page gets a conflict and does not overwrite a newer change", async () => {
    const firstAdmin = await buildUser({ role: "ADMIN" });
    const secondAdmin = await buildUser({ role: "ADMIN" });
    const person = await buildUser({ role: "EDITOR" });

    await changeRole(firstAdmin.actor, { userId: person.id, role: "REVIEWER", version: 1 });
    const staleRole = await domainErrorFrom(changeRole(secondAdmin.actor, { userId: person.id, role: "ADMIN", version: 1 }));
    const staleActive = await domainErrorFrom(setPersonActive(secondAdmin.actor, { userId: person.id, active: false, version: 1 }));

    for (const error of [staleRole, staleActive]) {
      expect(error.kind).toBe("conflict");
      expect(error.message).toMatch(/changed by someone else/);
    }
    await expect(db.user.findUniqueOrThrow({ where: { id: person.id } })).resolves.toMatchObject({ role: "REVIEWER", active: true, version: 2 });
    expect(await db.auditEvent.count({ where: { entityId: person.id } })).toBe(1);
  });

  it("changing someone who does not exist says they were not found", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const error = await domainErrorFrom(changeRole(admin.actor, { userId: randomUUID(), role: "EDITOR", version: 1 }));
    expect(error.kind).toBe("not_found");
  });
});

describe("the desk always keeps an active admin", () => {
  it("the only active admin cannot demote or deactivate themselves", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    await makeOnlyActiveAdmins([admin.id]);

    const demote = await domainErrorFrom(changeRole(admin.actor, { userId: admin.id, role: "EDITOR", version: 1 }));
    const deactivate = await domainErrorFrom(setPersonActive(admin.actor, { userId: admin.id, active: false, version: 1 }));

    for (const error of [demote, deactivate]) {
      expect(error.kind).toBe("invalid");
      expect(error.message).toBe(LAST_ADMIN);
    }
    await expect(db.user.findUniqueOrThrow({ where: { id: admin.id } })).resolves.toMatchObject({ role: "ADMIN", active: true, version: 1 });
    expect(await db.auditEvent.count({ where: { entityId: admin.id } })).toBe(0);
  });

  it("with two active admins one may demote the other, but not then the last one", async () => {
    const first = await buildUser({ role: "ADMIN" });
    const second = await buildUser({ role: "ADMIN" });
    await makeOnlyActiveAdmins([first.id, second.id]);

    await expect(changeRole(first.actor, { userId: second.id, role: "REVIEWER", version: 1 })).resolves.toMatchObject({ role: "REVIEWER" });
    const error = await domainErrorFrom(setPersonActive(first.actor, { userId: first.id, active: false, version: 1 }));
    expect(error.message).toBe(LAST_ADMIN);
    expect(await activeAdminIds()).toEqual([first.id]);
  });

  it.each([
    ["demote", (actor: Parameters<typeof changeRole>[0], userId: string) => changeRole(actor, { userId, role: "EDITOR", version: 1 })],
    ["deactivate", (actor: Parameters<typeof changeRole>[0], userId: string) => setPersonActive(actor, { userId, active: false, version: 1 })],
  ] as const)("two admins who %s each other at the same moment leave exactly one active admin", async (_verb, act) => {
    for (let round = 0; round < 3; round++) {
      const first = await buildUser({ role: "ADMIN" });
      const second = await buildUser({ role: "ADMIN" });
      await makeOnlyActiveAdmins([first.id, second.id]);

      const results = await Promise.allSettled([act(first.actor, second.id), act(second.actor, first.id)]);

      const fulfilled = results.filter((result) => result.status === "fulfilled");
      const rejected = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toMatchObject({ kind: "invalid", message: LAST_ADMIN });
      const survivors = await activeAdminIds();
      expect(survivors).toHaveLength(1);
      expect([first.id, second.id]).toContain(survivors[0]);
    }
  });
});
