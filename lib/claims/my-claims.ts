import "server-only";
import { db } from "@/lib/db/client";
import type { AnchorState, ClaimStatus } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** Statuses that still need work; the queue lists these claims first. */
export const OPEN_STATUSES = ["UNVERIFIED", "IN_PROGRESS"] as const satisfies readonly ClaimStatus[];

/** At most this many claims of each kind (open, settled) are listed. */
export const MY_CLAIMS_LIMIT = 200;

export type MyClaimRow = {
  id: string;
  version: number;
  statement: string;
  status: ClaimStatus;
  anchorState: AnchorState;
  updatedAt: Date;
  story: { id: string; title: string };
  report: { id: string; headline: string; source: string | null };
};

const myClaimSelect = {
  id: true,
  version: true,
  statement: true,
  status: true,
  anchorState: true,
  updatedAt: true,
  story: { select: { id: true, title: true } },
  report: { select: { id: true, headline: true, source: { select: { name: true } } } },
} as const;

/**
 * The signed-in person's queue ("My claims"): claims assigned to them in active stories, those
 * still open (unverified, in progress) first, each group most recently changed first.
 */
export async function listMyClaims(actor: Actor): Promise<MyClaimRow[]> {
  assertCan(actor, "story.read");
  const mine = { assigneeId: actor.id, story: { status: "ACTIVE" as const } };
  const order = [{ updatedAt: "desc" as const }, { id: "desc" as const }];
  // two queries over Claim_assigneeId_status_idx rather than one custom ORDER BY in raw SQL
  const [open, settled] = await Promise.all([
    db.claim.findMany({ where: { ...mine, status: { in: [...OPEN_STATUSES] } }, orderBy: order, take: MY_CLAIMS_LIMIT, select: myClaimSelect }),
    db.claim.findMany({ where: { ...mine, status: { notIn: [...OPEN_STATUSES] } }, orderBy: order, take: MY_CLAIMS_LIMIT, select: myClaimSelect }),
  ]);
  return [...open, ...settled].map(({ report, ...claim }) => ({
    ...claim,
    report: { id: report.id, headline: report.headline, source: report.source?.name ?? null },
  }));
}
