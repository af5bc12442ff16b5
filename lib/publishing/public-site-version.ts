import "server-only";
import { db, type Tx } from "@/lib/db/client";

/**
 * The public site's version: one counter row (`PublicSite`), bumped inside the transaction of
 * every publish, correction and unpublish. It is what makes cached public pages exact across app
 * instances: a page rendered at version v is served only while the database still says v.
 */

/** Bumps the version in the caller's transaction; it becomes visible exactly when the change commits. */
export async function bumpPublicSiteVersion(tx: Tx): Promise<void> {
  // an upsert, so a database whose row was deleted by hand heals itself; the row lock also
  // orders concurrent publishes, which is harmless (they are rare and short)
  await tx.$executeRaw`
    INSERT INTO "PublicSite" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "PublicSite"."version" + 1`;
}

async function queryVersion(): Promise<bigint> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "PublicSite" WHERE "id" = 1`;
  return rows[0]?.version ?? 0n;
}

/**
 * Reads the version with at most one query in flight per reader, shared by every request that
 * arrived before that query was sent.
 *
 * Invariant (what makes the cache exact): the value a caller gets comes from a query sent after
 * the caller asked. A caller that arrives while a query is in flight does not join it (that
 * query's snapshot may predate a commit the caller already knows about); it waits for the next
 * one, which every caller that arrived meanwhile shares. Under load this costs one query per
 * round trip, not one per request.
 */
export class PublicSiteVersionReader {
  private inFlight: Promise<bigint> | null = null;
  private next: Promise<bigint> | null = null;
  queries = 0;

  constructor(private readonly query: () => Promise<bigint> = queryVersion) {}

  read(): Promise<bigint> {
    if (!this.inFlight) {
      this.queries += 1;
      const started = this.query().finally(() => {
        if (this.inFlight === started) this.inFlight = null;
      });
      this.inFlight = started;
      return started;
    }
    if (!this.next) {
      const running = this.inFlight;
      // settled either way: a failed query must not fail the callers waiting for the next one
      this.next = running.then(
        () => this.startNext(),
        () => this.startNext(),
      );
    }
    return this.next;
  }

  private startNext(): Promise<bigint> {
    this.next = null;
    return this.read();
  }
}
