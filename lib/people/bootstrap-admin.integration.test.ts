import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { domainErrorFrom, uniqueClientAddress, uniqueToken } from "@/lib/testing/factories";
import { bootstrapAdmin } from "./bootstrap-admin";

describe("creating the first admin from the command line", () => {
  it("creates an active admin who can sign in, with a system audit event", async () => {
    const email = `first-admin-${uniqueToken()}@example.org`;
    const admin = await bootstrapAdmin({ email, name: "Ingrid Falk", password: "a-strong-first-password" });
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row).toMatchObject({ role: "ADMIN", active: true });
    await expect(authenticate({ email, password: "a-strong-first-password" }, uniqueClientAddress())).resolves.toMatchObject({ role: "ADMIN" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: admin.id, action: "person.create" } });
    expect(audit.actorId).toBeNull();
  });

  it("refuses a short password and an email already on the desk", async () => {
    expect((await domainErrorFrom(bootstrapAdmin({ email: `x-${uniqueToken()}@example.org`, name: "A", password: "short" }))).fieldErrors.password).toBeDefined();
    const email = `dup-${uniqueToken()}@example.org`;
    await bootstrapAdmin({ email, name: "First", password: "a-strong-first-password" });
    expect((await domainErrorFrom(bootstrapAdmin({ email, name: "Second", password: "a-strong-first-password" }))).kind).toBe("conflict");
  });
});
