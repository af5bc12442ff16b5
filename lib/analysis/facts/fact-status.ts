/**
 * A fact's verification status derived from all its claims, never from one member: verified
 * claims beside a false one make the fact disputed, not false. An editor's explicit status wins.
 */
export type VerificationStatus = "unverified" | "in_progress" | "verified" | "disputed" | "false" | "unverifiable";

const ORDER: VerificationStatus[] = ["verified", "disputed", "false", "in_progress", "unverifiable", "unverified"];

export type DerivedFactStatus = {
  status: VerificationStatus;
  /** "3 verified, 1 false: disputed"; "set by an editor" when the editor's choice wins */
  breakdown: string;
  derived: boolean;
};

/** The status of a fact from its claims' statuses, with a breakdown an editor can read. */
export function deriveFactStatus(claimStatuses: readonly VerificationStatus[], editorStatus: VerificationStatus | null = null): DerivedFactStatus {
  const counts = new Map<VerificationStatus, number>();
  for (const s of claimStatuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parts = ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s.replace("_", " ")}`);
  const has = (s: VerificationStatus) => (counts.get(s) ?? 0) > 0;
  let status: VerificationStatus;
  if (claimStatuses.length === 0) status = "unverified";
  // credible sources that conflict: some checked true, some checked false, or a claim already disputed
  else if (has("disputed") || (has("verified") && has("false"))) status = "disputed";
  else if (has("verified")) status = "verified";
  else if (has("false")) status = counts.get("false") === claimStatuses.length ? "false" : "disputed";
  else if (has("in_progress")) status = "in_progress";
  else if (counts.get("unverifiable") === claimStatuses.length) status = "unverifiable";
  else status = "unverified";
  const summary = `${parts.join(", ") || "no claims tagged yet"}: ${status.replace("_", " ")}`;
  if (editorStatus !== null) return { status: editorStatus, breakdown: `${summary}; set by an editor to ${editorStatus.replace("_", " ")}`, derived: false };
  return { status, breakdown: summary, derived: true };
}
