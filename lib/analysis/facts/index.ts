/**
 * Facts across sources: pure, deterministic analysis of claims (no database, no network, no
 * clock). Features are extracted once per claim and stored; grouping, conflicts and
 * corroboration work from the stored features.
 */
export { ANALYSIS_VERSION } from "./types";
export type {
  AnalysisReport,
  AnalysisClaimInput,
  AssignResult,
  AttributionFeature,
  ClaimFeatures,
  ConflictKind,
  EntityFeature,
  EventClass,
  EventFeature,
  ExistingFact,
  FactConflictResult,
  FactSummary,
  FeaturedClaim,
  QuantityFeature,
} from "./types";
export { extractClaimFeatures } from "./features";
export { entryCount, entryId, memberEntries, parseEntryId, storedFeatures, type StoredFeatures } from "./entries";
export { assignClaims, furtherFacts, groupClaims, type FurtherMembership } from "./assign";
export { factsAfterAssignment, planPlacement, type PlacementPlan, type Standing } from "./place";
export { summarizeFact } from "./summarize";
export { factAbout, topicLabel } from "./about";
export { findConflicts } from "./conflicts";
export { independentSources } from "./sources";
export { foldText, nameKey, outletKey } from "./normalize";
export { findNumbers, parseNumber } from "./numbers";
export { resolveDates } from "./dates";
export { deriveFactStatus, type DerivedFactStatus, type VerificationStatus } from "./fact-status";
