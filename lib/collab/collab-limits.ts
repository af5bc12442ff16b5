/**
 * Size limits of live co-editing, shared by the collaboration server (which enforces them) and
 * the editor (which keeps an honest writer under them and explains a refusal). No server
 * imports: the editor bundle uses the same numbers and message names.
 *
 * Invariants:
 * - a socket that has not authenticated may send only small frames, and only a few of them,
 *   so nobody reads a large frame from a stranger;
 * - one incoming message is at most `maxUpdateBytes` (plus a little framing);
 * - a stored document never grows past `maxDocumentBytes`: an update that would take it there
 *   is refused before it is applied, so memory and storage stay bounded.
 */

export type CollabLimits = {
  /** one Yjs update (a keystroke, a paste, the changes merged after a reconnect) */
  maxUpdateBytes: number;
  /** the whole shared document as stored (Yjs state with its history) */
  maxDocumentBytes: number;
};

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  maxUpdateBytes: 1024 * 1024,
  maxDocumentBytes: 4 * 1024 * 1024,
};

/** A socket may send this much in all before it authenticates (the auth message is < 1 KB). */
export const PRE_AUTH_BUDGET_BYTES = 64 * 1024;
/** Largest single frame read from a socket that has not authenticated. */
export const PRE_AUTH_FRAME_BYTES = 16 * 1024;
/** Room for the message envelope (document name, message and sync types) around an update. */
export const MESSAGE_FRAMING_BYTES = 4 * 1024;

/** The stateless message the server sends a writer whose change it refused. */
export const LIMIT_MESSAGE_TYPE = "wiredesk.limit";
export type CollabLimitNotice = { type: typeof LIMIT_MESSAGE_TYPE; limit: "update" | "document"; maxBytes: number };

/** Close code (private range) the server uses when it drops a connection over a limit. */
export const LIMIT_CLOSE_CODE = 4413;

/** Reads a limit notice from a stateless payload, or null when it is something else. */
export function readLimitNotice(payload: string): CollabLimitNotice | null {
  try {
    const parsed = JSON.parse(payload) as Partial<CollabLimitNotice>;
    if (parsed?.type !== LIMIT_MESSAGE_TYPE) return null;
    if (parsed.limit !== "update" && parsed.limit !== "document") return null;
    if (typeof parsed.maxBytes !== "number") return null;
    return { type: LIMIT_MESSAGE_TYPE, limit: parsed.limit, maxBytes: parsed.maxBytes };
  } catch {
    return null;
  }
}

/** "1 MB", "4 MB", "512 KB": sizes as the editor's messages show them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * What the editor tells a writer whose change went over a limit. `keptOut`: the editor refused
 * it before it entered the document (nothing to undo); otherwise the server refused a change the
 * document already holds.
 */
export function limitMessage(notice: Pick<CollabLimitNotice, "limit" | "maxBytes">, keptOut = false): string {
  if (keptOut) {
    return notice.limit === "update"
      ? `That is too much to add at once (over ${formatBytes(notice.maxBytes)}), so it was not added. Add it in smaller parts.`
      : `This explainer is at its size limit (${formatBytes(notice.maxBytes)}), so that was not added. Shorten the explainer first.`;
  }
  return notice.limit === "update"
    ? `That change is too large to share (over ${formatBytes(notice.maxBytes)} at once). It was not saved: undo it, or add it in smaller parts.`
    : `This explainer has reached its size limit (${formatBytes(notice.maxBytes)}). The last change was not saved: undo it, or shorten the explainer.`;
}

/**
 * The editor's own guard, in characters of document text: a change or a document this large would
 * exceed the server's byte limits even in the worst UTF-8 case (4 bytes a character) with the
 * structure around it, so the editor refuses it locally rather than have the server drop it.
 */
export function characterLimits(limits: CollabLimits): { maxInsertChars: number; maxDocumentChars: number } {
  return { maxInsertChars: Math.floor(limits.maxUpdateBytes / 5), maxDocumentChars: Math.floor(limits.maxDocumentBytes / 8) };
}

// y-protocols message types, as Hocuspocus frames them after the document name
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * What an incoming message would add to the document: for a sync step 2 or an update, its
 * length (an upper bound of the growth, as Yjs never stores more than it receives); 0 for
 * awareness, auth and the rest. Unreadable messages count in full: they are refused by size
 * or by Hocuspocus itself.
 */
export function documentGrowthOf(message: Uint8Array): number {
  let offset = 0;
  const readVarUint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (offset >= message.length || shift > 35) throw new RangeError("truncated");
      const byte = message[offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  try {
    const nameLength = readVarUint();
    offset += nameLength;
    if (offset > message.length) return message.length;
    if (readVarUint() !== MESSAGE_SYNC) return 0;
    const step = readVarUint();
    return step === SYNC_STEP_2 || step === SYNC_UPDATE ? message.length - offset : 0;
  } catch {
    return message.length;
  }
}
