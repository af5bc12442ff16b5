/**
 * Where a mention is being typed: "@" at the start or after a character that cannot belong to an
 * email address (the rule the server's findMentions uses), followed up to the caret by at most
 * four words of a name or an email, on one line.
 */
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const MAX_QUERY = 60;

export type MentionTrigger = { start: number; query: string };

export function mentionTriggerAt(text: string, caret: number): MentionTrigger | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  const at = text.lastIndexOf("@", caret - 1);
  if (at < from || at === -1) return null;
  if (at > 0 && EMAIL_LOCAL_CHAR.test(text[at - 1]!)) return null;
  const query = text.slice(at + 1, caret);
  if (/[\n\r\t]/.test(query) || /^\s/.test(query) || /\s\s/.test(query)) return null;
  if (query.split(" ").length > 4) return null;
  return { start: at, query };
}

/** The text with the mention being typed replaced by "@Full Name ", and where the caret goes. */
export function completeMention(text: string, trigger: MentionTrigger, caret: number, name: string): { text: string; caret: number } {
  const before = text.slice(0, trigger.start);
  const after = text.slice(caret).replace(/^\s+/, "");
  const inserted = `@${name} `;
  return { text: `${before}${inserted}${after}`, caret: before.length + inserted.length };
}
