import "server-only";
import type { Tx } from "@/lib/db/client";
import { conflict, type DomainError, notFound } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorState, ClaimOrigin, ClaimStatus, EvidenceKind, TagKind } from "@/lib/generated/prisma/enums";
import { garbledReasons } from "@/lib/analysis/garbled";
import { readGarbledPassages } from "@/lib/reports/garbled-passages";
import { CLAIM_STATUS_META } from "./status-meta";

type PersonRef = { id: string; name: string };

/** Everything the claim panel shows about one claim, as plain data. */
export type ClaimDetail = {
  id: string;
  storyId: string;
  /** optimistic-lock counter: send it back with every change */
  version: number;
  status: ClaimStatus;
  anchorState: AnchorState;
  /** why an editor must look at this claim again (its report was killed); null when not flagged */
  flagReason: string | null;
  origin: ClaimOrigin;
  statement: string;
  attribution: string | null;
  /** TextQuote selector: the quoted text and its context in the anchored version */
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPosition selector: offsets into the bodyText of `reportVersion` */
  start: number;
  end: number;
  /** the report version the anchor indexes; an orphan keeps the last version it was found in */
  reportVersion: number;
  report: { id: string; headline: string; source: string | null; currentVersion: number };
  assignee: PersonRef | null;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
  tags: { kind: TagKind; value: string }[];
  /**
   * the flagged (garbled) passage the claim is taken from, with why, and whether an editor has
   * checked the original; null when its passage reads cleanly
   */
  garbled: { reasons: string[]; confirmedAt: Date | null; confirmedBy: PersonRef | null } | null;
  /** in no fact that two or more outlets carry: "reported by one source" */
  singleSource: boolean;
  /** the fact the claim is filed under, then the further facts it states as well (ClaimFactLink) */
  facts: { id: string; statement: string; primary: boolean }[];
  /** oldest first */
  evidence: {
    id: string;
    kind: EvidenceKind;
    url: string | null;
    title: string | null;
    note: string | null;
    relatedClaim: { id: string; statement: string } | null;
    relatedReport: { id: string; headline: string } | null;
    addedBy: PersonRef;
    createdAt: Date;
  }[];
  /** newest first */
  history: { id: string; fromStatus: ClaimStatus | null; toStatus: ClaimStatus; rationale: string | null; actor: PersonRef; createdAt: Date }[];
  /** oldest first */
  comments: { id: string; body: string; author: PersonRef; createdAt: Date; mentions: PersonRef[] }[];
};

const person = { select: { id: true, name: true } } satisfies Prisma.UserDefaultArgs;

const claimDetailSelect = {
  id: true,
  storyId: true,
  version: true,
  status: true,
  anchorState: true,
  flagReason: true,
  origin: true,
  statement: true,
  attribution: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  createdAt: true,
  updatedAt: true,
  reportVersion: { select: { version: true, garbledPassages: true } },
  readingConfirmedAt: true,
  readingConfirmedBy: person,
  fact: { select: { id: true, statement: true, sourceCount: true } },
  furtherFacts: { select: { fact: { select: { id: true, statement: true } } }, orderBy: [{ createdAt: "asc" }, { factId: "asc" }] },
  report: { select: { id: true, headline: true, currentVersion: true, source: { select: { name: true } } } },
  assignee: person,
  createdBy: person,
  tags: { select: { kind: true, value: true }, orderBy: [{ kind: "asc" }, { value: "asc" }] },
  evidence: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      url: true,
      title: true,
      note: true,
      createdAt: true,
      relatedClaim: { select: { id: true, statement: true } },
      relatedReport: { select: { id: true, headline: true } },
      addedBy: person,
    },
  },
  statusChanges: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, fromStatus: true, toStatus: true, rationale: true, createdAt: true, actor: person },
  },
  comments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: person, mentions: { select: { user: person } } },
  },
} satisfies Prisma.ClaimSelect;

/**
 * Loads one claim in the ClaimDetail shape, or null. With `scope.storyId` a claim of another
 * story is simply not found, so callers authorize in the query itself.
 */
export async function loadClaimDetail(client: Tx, claimId: string, scope: { storyId?: string } = {}): Promise<ClaimDetail | null> {
  const row = await client.claim.findFirst({ where: { id: claimId, ...(scope.storyId ? { storyId: scope.storyId } : {}) }, select: claimDetailSelect });
  if (!row) return null;
  const { reportVersion, report, statusChanges, comments, readingConfirmedAt, readingConfirmedBy, fact, furtherFacts, ...rest } = row;
  const reasons = garbledReasons(readGarbledPassages(reportVersion.garbledPassages), row);
  return {
    ...rest,
    garbled: reasons.length > 0 ? { reasons, confirmedAt: readingConfirmedAt, confirmedBy: readingConfirmedBy } : null,
    singleSource: (fact?.sourceCount ?? 0) < 2,
    facts: [
      ...(fact ? [{ id: fact.id, statement: fact.statement, primary: true }] : []),
      ...furtherFacts.map((link) => ({ id: link.fact.id, statement: link.fact.statement, primary: false })),
    ],
    reportVersion: reportVersion.version,
    report: { id: report.id, headline: report.headline, currentVersion: report.currentVersion, source: report.source?.name ?? null },
    history: statusChanges,
    comments: comments.map(({ mentions, ...comment }) => ({ ...comment, mentions: mentions.map((mention) => mention.user) })),
  };
}

/** loadClaimDetail for a claim the caller has just written: not finding it is an error. */
export async function requireClaimDetail(client: Tx, claimId: string): Promise<ClaimDetail> {
  const detail = await loadClaimDetail(client, claimId);
  if (!detail) throw notFound("That claim");
  return detail;
}

/** Label of a verification status as people read it ("In progress"). */
export function statusLabel(status: ClaimStatus): string {
  return CLAIM_STATUS_META[status].label;
}

const TRY_AGAIN = "Review the current state and try again.";

/**
 * The conflict for a write made from a stale version of a claim: it names who made the newest
 * change (from the claim's latest audit event) and where the claim stands now, so the editor
 * knows what they would have overwritten. Call it after the stale write matched no row; under
 * READ COMMITTED the winner's committed change and audit event are visible by then.
 */
export async function staleClaimConflict(tx: Tx, claimId: string, actorId: string): Promise<DomainError> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { status: true } });
  const latest = await tx.auditEvent.findFirst({
    // evidence only adds and never bumps the version, so it is not the change that made a write stale
    where: { entityType: "claim", entityId: claimId, action: { not: "claim.add_evidence" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, actorId: true, actor: { select: { name: true } } },
  });
  if (!claim) return notFound("That claim");
  const status = statusLabel(claim.status);
  const who = !latest?.actorId ? "Someone" : latest.actorId === actorId ? "You" : (latest.actor?.name ?? "Someone");
  switch (latest?.action) {
    case "claim.set_status":
      return conflict(`${who} changed this claim to ${status} a moment ago. ${TRY_AGAIN}`);
    case "claim.reanchor":
      return conflict(`${who} imported a new version of this claim's report a moment ago, which moved the claim; it is ${status}. ${TRY_AGAIN}`);
    default:
      return conflict(`${who} changed this claim a moment ago; it is ${status}. ${TRY_AGAIN}`);
  }
}

/** Claim ids are UUIDs; anything else cannot name a claim and is simply not found. */
