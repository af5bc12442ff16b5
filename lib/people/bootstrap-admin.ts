import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { ZEmail, ZNewPassword } from "@/lib/auth/schemas";
import { audit } from "@/lib/audit/audit";
import { conflict } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { z } from "zod";
import { ZPersonName } from "./schemas";

const ZBootstrapAdmin = z.object({ email: ZEmail, name: ZPersonName, password: ZNewPassword });

/**
 * Creates an admin from the command line, where there is no signed-in actor yet: the one way
 * into a new desk without demo data. The audit event names no actor ("system").
 */
export async function bootstrapAdmin(input: unknown): Promise<{ id: string; email: string; name: string }> {
  const data = parseInput(ZBootstrapAdmin, input);
  assertStrongPassword(data.password, [data.name, data.email]);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const admin = await tx.user.create({ data: { email: data.email, name: data.name, role: "ADMIN", passwordHash }, select: { id: true, email: true, name: true } });
      await audit(tx, { actorId: null, action: "person.create", entityType: "user", entityId: admin.id, after: { name: admin.name, email: admin.email, role: "ADMIN", credential: "command line" } });
      return admin;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Someone with the email ${data.email} is already on the desk.`);
    throw error;
  }
}
