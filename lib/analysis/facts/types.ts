/**
 * Shapes shared by the fact analysis: reports and claims going in, features, groups, conflicts
 * and summaries coming out. Everything here is JSON-serialisable so features can be stored.
 */

/** Bump when extraction or similarity changes; stored features with another version are recomputed. */
export const ANALYSIS_VERSION = 26;

export type AnalysisReport = {
  id: string;
  /** publishing outlet, e.g. "Northgate Wire" */
  source: string;
  text: string;
  /** ISO timestamp */
  publishedAt?: string | null;
  dateline?: string | null;
  /**
   * The story's main country (ISO 3166 alpha-3), the one its reports name most; null when they
   * name none. When absent, the country this report names most stands in for it.
   */
  country?: string | null;
};

export type AnalysisClaimInput = { id: string; reportId: string; start: number; end: number; text: string };

export type EntityKind = "place" | "actor" | "org";
export type EntityFeature = { key: string; kind: EntityKind; text: string };

/** What a number counts: killed, wounded, displaced, force, distance ...; group narrows it (soldier, civilian, rebel). */
export type QuantityFeature = {
  value: number;
  low: number;
  /** null when unbounded ("at least 12") */
  high: number | null;
  /** "at least" → low bound, "up to" → high bound, "about" → approx, "between" → range, else exact */
  bound: "exact" | "approx" | "atLeast" | "atMost" | "range";
  measure: string;
  group: string;
  unit: string;
  text: string;
  /** offset in the claim text */
  start: number;
};

export type EventClass = "TAKEN" | "ENTERED" | "ADVANCING" | "WITHDRAWN" | "RETAKE" | "KILLED" | "WOUNDED" | "DISPLACED" | "ATTACK" | "DAMAGE" | "DEPLOYED" | "STATEMENT";

export type EventFeature = {
  cls: EventClass;
  /** false when the sentence denies it ("has not fallen") */
  positive: boolean;
  /** entity key of what was taken / approached (a place) */
  target: string | null;
  /** the kind of thing taken or hit, when named by a common noun ("dam", "town", "bridge") */
  object: string | null;
  /** who is credited: entity key or generic side ("side:rebel", "side:gov") */
  agent: string | null;
  text: string;
  /** offset in the claim text */
  start: number;
};

export type AttributionFeature = {
  /** the attribution as written: "two army sources" */
  speaker: string;
  /** normalised role, e.g. "army source", "rebel spokesman", "residents" */
  role: string;
  /** "gov", "rebel", "civilian", "monitor", "outlet" or "" */
  side: string;
  /** how many sources, when stated ("two army sources" → 2); null when not */
  count: number | null;
  /** name of a person quoted, normalised */
  person: string | null;
  /** an outlet the report credits ("Reuters reported"): the claim's independent source */
  outlet: string | null;
  outletKey: string | null;
};

export type ClaimFeatures = {
  v: number;
  entities: EntityFeature[];
  quantities: QuantityFeature[];
  events: EventFeature[];
  /** main event class of the claim, null when none */
  eventClass: EventClass | null;
  /** "completed" (TAKEN), "ongoing" (ADVANCING), "denied" (negated TAKEN) or null */
  completion: "completed" | "ongoing" | "denied" | null;
  attribution: AttributionFeature | null;
  /** ISO days mentioned or implied ("on Tuesday" relative to the report's date) */
  dates: string[];
  /** words inside quotation marks, as written */
  quotes: string[];
  /** stemmed content words, deduplicated, in text order */
  tokens: string[];
  /** topic keys: what the claim is about, e.g. "qty:killed:soldier", "ctl:dr mrn" */
  topics: string[];
  /** the topics of what the claim says first (its main statement; later ones are side remarks) */
  mainTopics: string[];
  /** years the claim's sentence names ("in October 2008"): the time frame of a facet's count too */
  years?: string[];
  /** the claim's sentence frames it in another country ("across the border in ..."): a facet's count too */
  elsewhere?: boolean;
  /** the claim's count runs over a longer period than the story's event ("since the offensive began nine days ago"): a running total */
  wider?: boolean;
  /** how far back that running total starts, when the words say ("since 2009": years; "nine days ago": days) */
  widerStart?: "years" | "days";
  /** the claim's sentence opens as a separate item ("Separately, ..."): another event than the story's */
  aside?: boolean;
  /** the claim states a possibility ("may still be", "cannot rule out"), not something that happened */
  hedged?: boolean;
  /** the claim reports an absence ("no damage was reported", "nobody was inside") */
  nil?: boolean;
};

/** `sentence`: the whole sentence, when the claim is one facet of it (conflicts read the sentence's subject) */
export type FeaturedClaim = AnalysisClaimInput & { source: string; features: ClaimFeatures; sentence?: string };

export type ConflictKind = "NUMBER" | "COMPLETION" | "ACTOR" | "ATTRIBUTION" | "WORDING" | "MEANING";

export type FactConflictResult = { kind: ConflictKind; claimIds: string[]; detail: string };

/** `about`: what the fact is about in a few words ("Death toll", "Time: around 04:00"), or empty */
export type FactSummary = { sources: string[]; conflicts: FactConflictResult[]; statement: string; about: string };

export type ExistingFact = { id: string; claims: FeaturedClaim[]; locked: boolean };

export type AssignResult = { joined: { factId: string; claimIds: string[] }[]; created: { claimIds: string[] }[] };
