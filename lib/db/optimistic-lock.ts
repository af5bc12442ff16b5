import { z } from "zod";

/**
 * Optimistic locking, the one way the desk guards a write against a stale screen: each guarded
 * row has a `version` column; the writer sends the version it saw; the write is an `updateMany`
 * whose `where` names that version and whose `data` increments it, so the check and the write
 * are one statement and of two writers on the same version exactly one wins. The loser gets the
 * conflict its area words (who changed what), never a silent overwrite. No server imports: the
 * schemas that carry the version are shared with forms.
 */

/** The version a writer saw, as forms and JSON send it. */
export const ZVersion = z.coerce.number({ error: "Missing version." }).int().min(1);

type StaleConflict = () => Error | Promise<Error>;

/**
 * Refuses before any work when the row, read inside the write's transaction, is already past the
 * version the writer saw (the write itself still re-checks, through `expectWritten`).
 */
export async function expectVersion(current: number, seen: number, stale: StaleConflict): Promise<void> {
  if (current !== seen) throw await stale();
}

/**
 * Checks the compare-and-set write's result (`updateMany` with the seen version in `where`):
 * no row matched means someone else wrote first, and the writer gets the conflict.
 */
export async function expectWritten(updated: { count: number }, stale: StaleConflict): Promise<void> {
  if (updated.count === 0) throw await stale();
}
