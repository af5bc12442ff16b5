-- Full-text search for the claims board: statement, quoted text and attribution together. An
-- expression index, like "ReportVersion_search_idx": nothing to keep in sync. Queries must use
-- exactly this expression to hit the index (lib/claims/list-board-claims.ts, claimSearchVector).
CREATE INDEX "Claim_search_idx" ON "Claim"
  USING GIN (to_tsvector('english'::regconfig, "statement"::text || ' ' || "exact" || ' ' || coalesce("attribution", '')));

-- The board's default order inside one status ("?status=IN_PROGRESS", newest change first) and
-- its status sort read this index in order and stop after one page, with no sort step.
CREATE INDEX "Claim_storyId_status_updatedAt_idx" ON "Claim"("storyId", "status", "updatedAt" DESC);

-- The board's assignee filter ("mine", "unassigned", a person) inside one story.
CREATE INDEX "Claim_storyId_assigneeId_idx" ON "Claim"("storyId", "assigneeId");
