import "server-only";
import { feedEnv } from "@/lib/env";
import { MAX_FILE_BYTES } from "@/lib/reports/upload-limits";
import { parseAddressAllowList } from "./address-policy";
import type { FetchLimits } from "./fetch-feed-document";

/** The longest one feed fetch may take, redirects and body included. */
export const FEED_FETCH_TIMEOUT_MS = 20_000;

/** Fetch limits from the environment: the private-address allow-list, the time and size caps. */
export function feedFetchLimits(): FetchLimits {
  const { FEED_PRIVATE_ADDRESS_ALLOWLIST } = feedEnv();
  return { allowList: parseAddressAllowList(FEED_PRIVATE_ADDRESS_ALLOWLIST), timeoutMs: FEED_FETCH_TIMEOUT_MS, maxBytes: MAX_FILE_BYTES };
}

/** The root inside which watched folders may lie, or undefined when they are switched off. */
export function feedFolderRoot(): string | undefined {
  return feedEnv().FEED_FOLDER_ROOT;
}
