import "server-only";
import { recordTagAliases } from "@/lib/tags/record-tag-aliases";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { notFound } from "@/lib/errors/domain-errors";
import { parseInput } from "@/lib/errors/parse-input";
import { type ClaimDetail, requireClaimDetail, staleClaimConflict } from "./claim-view";
import { ZEditClaim } from "./schemas";
import { uniqueTags } from "./tag-claim";
import { expectVersion, lockedUpdate } from "@/lib/db/optimistic-lock";

/** Edits a claim's statement, attribution and tags (the quote itself never changes); a stale version gets a conflict. */
export async function editClaim(actor: Actor, input: unknown): Promise<ClaimDetail> {
  assertCan(actor, "claim.tag");
  const data = parseInput(ZEditClaim, input);
  const claimId = await db.$transaction(async (tx) => {
    const current = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: {
        id: true,
        storyId: true,
        version: true,
        statement: true,
        attribution: true,
        tags: { select: { kind: true, value: true }, orderBy: [{ kind: "asc" }, { value: "asc" }] },
      },
    });
    if (!current) throw notFound("That claim");
    await expectVersion(current.version, data.version, () => staleClaimConflict(tx, current.id, actor.id));

    const attribution = data.attribution || null;
    const tags = uniqueTags(data.tags);
    await lockedUpdate(tx.claim, { where: { id: current.id }, version: data.version, data: { statement: data.statement, attribution } }, () =>
      staleClaimConflict(tx, current.id, actor.id),
    );
    // the tag set is replaced whole: the form always sends every tag the claim should keep
    await tx.claimTag.deleteMany({ where: { claimId: current.id } });
    if (tags.length > 0) await tx.claimTag.createMany({ data: tags.map((tag) => ({ ...tag, claimId: current.id })) });
    await recordTagAliases(tx, current.storyId, tags);

    await audit(tx, {
      actorId: actor.id,
      action: "claim.edit",
      entityType: "claim",
      entityId: current.id,
      storyId: current.storyId,
      before: { statement: current.statement, attribution: current.attribution, tags: current.tags },
      after: { statement: data.statement, attribution, tags },
    });
    return current.id;
  });
  // read after commit: the detail takes several queries, and the row lock should not wait for them
  return requireClaimDetail(db, claimId);
}
