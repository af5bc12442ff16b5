import type { ConflictKind } from "@/lib/generated/prisma/enums";

/** How the desk names each kind of conflict inside a fact (badge label, and what it means). */
export const CONFLICT_META: Record<ConflictKind, { label: string; meaning: string }> = {
  NUMBER: { label: "Numbers differ", meaning: "different numbers for the same quantity" },
  COMPLETION: { label: "Done vs ongoing", meaning: "one says it happened, another that it is still under way" },
  ACTOR: { label: "Different actor", meaning: "a different actor is credited" },
  ATTRIBUTION: { label: "Attribution differs", meaning: "different sourcing or number of sources" },
  WORDING: { label: "Quoted wording differs", meaning: "the quoted words are not the same" },
  MEANING: { label: "Meaning reversed", meaning: "one report says the opposite of the others (a negation or a reversed statement)" },
};
