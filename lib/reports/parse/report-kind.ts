import { type ReportKind } from "./types";

/** What a format says about an item's status, in whatever words it uses. */
export type KindSignals = {
  /** publication or management status: "canceled", "withheld", "stat:canceled", "embargoed", ... */
  status?: string | null;
  /** editorial signals and notes: "sig:correction", "Eds: Corrects spelling of ...", "KILL" */
  notes?: (string | null | undefined)[];
  headline?: string | null;
  firstParagraph?: string | null;
  embargoedUntil?: Date | null;
};

// Statuses that take an item back (IPTC pubStatus "canceled"/"withheld", NITF management-status).
const KILL_STATUS = /\b(?:canceled|cancelled|withheld|withdrawn|killed?|deleted)\b/i;
// A notice to editors that withdraws a story: "KILL", "MANDATORY KILL", "ELIMINATION",
// "Withdraw this story", at the start of a headline, note or first paragraph.
const KILL_WORDS = /^\W*(?:mandatory\s+)?(?:kill|killed|elimination|eliminate|withdrawal|withdrawn|withdraw)\b|\b(?:kill|withdraw|eliminate|delete)\s+(?:this|the)\s+(?:story|item|report|article)\b/i;
// "CORRECTED-", "CORRECTION:", "Corrects spelling ...", the IPTC signal "sig:correction".
const CORRECTION_WORDS = /^\W*(?:corrected|correction|corrects?|correcting)\b|(?:^|:)correction$/i;

/**
 * Decides whether an item is ordinary text or a notice an editor must act on: a kill withdraws
 * an earlier report, a correction replaces one, an embargoed item must be held. A kill outranks
 * everything: a killed correction is still killed.
 */
export function detectReportKind(signals: KindSignals): ReportKind {
  const notes = (signals.notes ?? []).filter((note): note is string => typeof note === "string" && note.trim().length > 0);
  const leading = [signals.headline, signals.firstParagraph].filter((text): text is string => Boolean(text));
  if ((signals.status && KILL_STATUS.test(signals.status)) || [...notes, ...leading].some((text) => KILL_WORDS.test(text))) return "kill";
  if ([...notes, signals.headline ?? ""].some((text) => CORRECTION_WORDS.test(text.trim()))) return "correction";
  if (signals.embargoedUntil || (signals.status && /embargo/i.test(signals.status))) return "embargoed";
  return "text";
}
