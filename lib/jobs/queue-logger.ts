import { Logger, type LogLevel } from "graphile-worker";
import { queueLogEnv } from "@/lib/env";

/** graphile-worker's logger without its debug chatter; warnings and errors still reach stderr. */
export const quietQueueLogger = new Logger(() => (level: LogLevel, message: string) => {
  const name = String(level);
  if (name === "error" || name === "warning") console.error(`[queue] ${message}`);
  else if (name === "info" && queueLogEnv().WIREDESK_QUEUE_LOG === "1") console.log(`[queue] ${message}`);
});
