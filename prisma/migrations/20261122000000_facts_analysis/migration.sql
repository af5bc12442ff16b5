-- Fact analysis in the background (graphile-worker jobs, whose own tables live in the
-- graphile_worker schema, migrated by the library itself): stored claim features, facts that
-- also group pending suggestions, summary columns for sorting and filtering the Facts tab, and
-- per-report progress counters.

ALTER TABLE "Report" ADD COLUMN "analysisRequested" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "analysisDone" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "analysisError" VARCHAR(1000);

ALTER TABLE "Claim" ADD COLUMN "features" JSONB,
    ADD COLUMN "featuresVersion" INTEGER;

ALTER TABLE "ClaimSuggestion" ADD COLUMN "factId" UUID,
    ADD COLUMN "factPinned" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "features" JSONB,
    ADD COLUMN "featuresVersion" INTEGER;

ALTER TABLE "Fact" ADD COLUMN "sources" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "claimCount" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "conflictCount" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "conflictKinds" "ConflictKind"[] DEFAULT ARRAY[]::"ConflictKind"[],
    ADD COLUMN "locked" BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX "ClaimSuggestion_factId_idx" ON "ClaimSuggestion"("factId");
CREATE INDEX "Fact_storyId_conflictCount_idx" ON "Fact"("storyId", "conflictCount" DESC);
CREATE INDEX "Fact_storyId_createdAt_idx" ON "Fact"("storyId", "createdAt" DESC);

ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
