/**
 * Asks the desk which citation targets match a query; the matching runs in PostgreSQL, which
 * knows every spelling of a name. Null when the request fails (offline, signed out), so the
 * caller can fall back to matching the words it already has.
 */
export async function searchCitationKeys(storyId: string, query: string, signal?: AbortSignal): Promise<string[] | null> {
  try {
    const response = await fetch(`/api/stories/${encodeURIComponent(storyId)}/citation-targets?q=${encodeURIComponent(query)}`, { cache: "no-store", signal });
    if (!response.ok) return null;
    const body = (await response.json()) as { keys?: unknown };
    return Array.isArray(body.keys) ? body.keys.filter((key): key is string => typeof key === "string") : null;
  } catch {
    // an aborted or failed search falls back to local matching; nothing to report to the writer
    return null;
  }
}
