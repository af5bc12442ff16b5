import "server-only";
import { randomBytes, createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { audit } from "@/lib/audit/audit";
import { conflict } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { ZCreatePerson } from "./schemas";
import { PASSWORD_LINK_TTL_HOURS, type PersonRow, personSelect } from "./person-view";

export type CreatePersonResult = { person: PersonRow; setPasswordToken: string | null };

/** Creates a desk member with an initial password or a one-time set-password link (admins only). */
export async function createPerson(actor: Actor, input: unknown): Promise<CreatePersonResult> {
  assertCan(actor, "people.manage");
  const data = parseInput(ZCreatePerson, input);
  if (data.credential === "password") assertStrongPassword(data.password, [data.name, data.email]);
  const passwordHash = data.credential === "password" ? await hashPassword(data.password) : null;
  const token = data.credential === "link" ? randomBytes(32).toString("base64url") : null;

  try {
    return await db.$transaction(async (tx) => {
      const person = await tx.user.create({
        data: { name: data.name, email: data.email, role: data.role, passwordHash },
        select: personSelect,
      });
      if (token) {
        await tx.passwordSetToken.create({
          data: {
            userId: person.id,
            tokenHash: sha256(token),
            expiresAt: new Date(Date.now() + PASSWORD_LINK_TTL_HOURS * 3600_000),
            createdById: actor.id,
          },
        });
      }
      await audit(tx, {
        actorId: actor.id,
        action: "person.create",
        entityType: "user",
        entityId: person.id,
        after: { name: person.name, email: person.email, role: person.role, credential: data.credential },
      });
      return { person, setPasswordToken: token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Someone with the email ${data.email} is already on the desk.`);
    throw error;
  }
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
