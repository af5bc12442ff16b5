/** The longest a failing source waits between attempts (never shorter than its own interval). */
export const MAX_BACKOFF_SECONDS = 3600;

/** How long a source waits after `failures` failures in a row: its interval, doubled per failure, capped. */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  if (failures <= 0) return intervalSeconds;
  return Math.max(intervalSeconds, Math.min(intervalSeconds * 2 ** failures, MAX_BACKOFF_SECONDS));
}
