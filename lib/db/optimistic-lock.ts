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
 * version the writer saw (the write itself still re-checks, through `lockedUpdate`).
 */
export async function expectVersion(current: number, seen: number, stale: StaleConflict): Promise<void> {
  if (current !== seen) throw await stale();
}

/** A Prisma model delegate (`tx.claim`, `db.story`) whose rows carry a `version` column. */
type VersionedModel = { updateMany(args: never): PromiseLike<{ count: number }> };
type UpdateManyArgs<M> = M extends { updateMany(args: infer A): unknown } ? A : never;
type WhereOf<M> = UpdateManyArgs<M> extends { where?: infer W } ? W : never;
type DataOf<M> = UpdateManyArgs<M> extends { data: infer D } ? D : never;

/**
 * The guarded write itself: updates the row matching `where` only while its version is still
 * `version` (the one the writer saw), increments the version in the same statement, and throws
 * the area's conflict when no row matched. `where` may narrow further (`storyId`, a state the
 * write relies on); `data` never sets the version. Returns the row's new version.
 */
export async function lockedUpdate<M extends VersionedModel>(
  model: M,
  write: { where: WhereOf<M>; version: number; data: DataOf<M> },
  stale: StaleConflict,
): Promise<number> {
  const updated = await model.updateMany({
    where: { ...(write.where as object), version: write.version },
    data: { ...(write.data as object), version: { increment: 1 } },
  } as never);
  // no row matched: someone else wrote first (or the row left the state `where` names)
  if (updated.count === 0) throw await stale();
  return write.version + 1;
}
