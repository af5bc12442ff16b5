-- Writing and review of explainers.
--
-- A citation keeps a snapshot of what its claim or fact looked like when the revision was
-- submitted: the status (for a fact, the aggregate of its claims) and how many independent
-- outlets carried it, plus the attribution phrase when the bullet states it as attributed.
-- Public pages render these snapshots, so a later status change never rewrites a published page
-- behind the reviewers' backs (it flags the explainer for re-review instead).
ALTER TABLE "Citation" ADD COLUMN "status" "ClaimStatus" NOT NULL DEFAULT 'UNVERIFIED';
ALTER TABLE "Citation" ADD COLUMN "sourceCount" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Citation" ADD COLUMN "attribution" VARCHAR(500) NOT NULL DEFAULT '';
-- order of the citation in the document (0-based), so renderers can match rows to chips
ALTER TABLE "Citation" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;

-- Why the explainer needs re-review (a cited claim changed status after approval).
ALTER TABLE "Explainer" ADD COLUMN "reReviewReason" VARCHAR(1000);
-- Everyone who changed the working copy since the last approval; they become the authors of the
-- next revision and none of them may approve it (four eyes).
ALTER TABLE "Explainer" ADD COLUMN "editorIdsSinceApproval" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[];
