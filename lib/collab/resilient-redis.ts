import "server-only";
import { Redis, type Configuration } from "@hocuspocus/extension-redis";
import type { Hocuspocus } from "@hocuspocus/server";

type PayloadOf<K extends keyof Redis> = Redis[K] extends (data: infer P, ...rest: never[]) => unknown ? P : never;

/**
 * Hocuspocus's Redis extension, made to survive Redis going away. Redis only carries live
 * updates between collaboration servers; losing it must never stop anyone editing or storing:
 * - stores take no Redis lock: each server stores the union of its document and the stored one
 *   under the explainer's row lock (saveCoEditedExplainer), so two servers storing at once lose
 *   nothing, and a store never waits on Redis;
 * - publishing and subscribing fail fast while Redis is down (no queue piling up in memory) and
 *   are logged, not thrown: a document still opens and edits still reach everyone on this server;
 * - when Redis is back, every open document is subscribed again and announces its state, so the
 *   servers exchange what they missed.
 */
export class ResilientRedis extends Redis {
  private hocuspocus: Hocuspocus | null = null;
  private lastOutageLog = 0;

  constructor(
    configuration: Partial<Configuration>,
    private readonly log: (line: string) => void,
  ) {
    super({
      ...configuration,
      // fail a command at once while disconnected instead of queueing it
      options: { ...configuration.options, enableOfflineQueue: false, maxRetriesPerRequest: 0 },
    });
    for (const client of [this.pub, this.sub]) client.on("error", (error: Error) => this.outage(error));
    this.sub.on("ready", () => void this.rejoin());
  }

  override async onConfigure(data: PayloadOf<"onConfigure">): Promise<void> {
    this.hocuspocus = data.instance;
    await super.onConfigure(data);
  }

  private outage(error: unknown): void {
    // one line per ten seconds of outage, not one per command
    if (Date.now() - this.lastOutageLog < 10_000) return;
    this.lastOutageLog = Date.now();
    this.log(`Redis is unavailable (${error instanceof Error ? error.message : String(error)}); editing goes on, servers resync when it is back`);
  }

  private async rejoin(): Promise<void> {
    if (!this.hocuspocus) return;
    for (const [documentName, document] of this.hocuspocus.documents) {
      await this.guard(() => super.afterLoadDocument({ documentName, document } as PayloadOf<"afterLoadDocument">));
    }
  }

  /** Runs a Redis command; while Redis is down it logs and answers 0 subscribers reached. */
  private async guard<T>(work: () => Promise<T>): Promise<T | 0> {
    try {
      return await work();
    } catch (error) {
      this.outage(error);
      return 0;
    }
  }

  override async onStoreDocument(): Promise<void> {}

  override async afterStoreDocument(): Promise<void> {}

  override async afterLoadDocument(data: PayloadOf<"afterLoadDocument">): Promise<void> {
    await this.guard(() => super.afterLoadDocument(data));
  }

  override async onAwarenessUpdate(data: PayloadOf<"onAwarenessUpdate">): Promise<number | undefined> {
    return this.guard(() => super.onAwarenessUpdate(data));
  }

  override async onChange(data: PayloadOf<"onChange">): Promise<void> {
    await this.guard(() => super.onChange(data));
  }

  override async beforeBroadcastStateless(data: PayloadOf<"beforeBroadcastStateless">): Promise<number> {
    return this.guard(() => super.beforeBroadcastStateless(data));
  }

  override async afterUnloadDocument(data: PayloadOf<"afterUnloadDocument">): Promise<void> {
    // a subscription Redis lost with its connection needs no unsubscribe
    if (this.sub.status !== "ready") return;
    await this.guard(() => super.afterUnloadDocument(data));
  }

  override async onDestroy(): Promise<void> {
    await this.guard(() => this.redlock.quit());
    this.pub.disconnect(false);
    this.sub.disconnect(false);
  }
}
