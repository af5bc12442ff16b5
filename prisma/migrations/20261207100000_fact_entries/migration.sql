-- Facts group a claim's entries (its facets and statement readings, lib/analysis/facts/entries.ts)
-- rather than whole claims: a lead stating a quake and its toll stands in the fact of the quake
-- with one entry and in the fact of the toll with another. "factEntries" and "entries" list the
-- entries a member stands in that fact with; empty means all of them (an editor's placement).
-- (Nullable, as Prisma declares a list column; readers take NULL as empty.)
ALTER TABLE "Claim" ADD COLUMN "factEntries" INTEGER[] DEFAULT '{}';
ALTER TABLE "ClaimSuggestion" ADD COLUMN "factEntries" INTEGER[] DEFAULT '{}';
ALTER TABLE "ClaimFactLink" ADD COLUMN "entries" INTEGER[] DEFAULT '{}';

-- A pending suggestion's further facts, as ClaimFactLink is a claim's: most members of a fact are
-- suggestions until an editor accepts them, and accepting hands these links to the new claim.
CREATE TABLE "SuggestionFactLink" (
    "suggestionId" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "entries" INTEGER[] DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionFactLink_pkey" PRIMARY KEY ("suggestionId", "factId")
);

CREATE INDEX "SuggestionFactLink_factId_idx" ON "SuggestionFactLink"("factId");

ALTER TABLE "SuggestionFactLink" ADD CONSTRAINT "SuggestionFactLink_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "ClaimSuggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SuggestionFactLink" ADD CONSTRAINT "SuggestionFactLink_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
