-- Notes on an explainer's working copy (comments beside the editor, with @mentions).
ALTER TABLE "Comment" ADD COLUMN "explainerId" UUID;

CREATE INDEX "Comment_explainerId_createdAt_idx" ON "Comment"("explainerId", "createdAt");

ALTER TABLE "Comment" ADD CONSTRAINT "Comment_explainerId_fkey" FOREIGN KEY ("explainerId") REFERENCES "Explainer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- a comment belongs to exactly one thing: a claim, a revision under review, or an explainer
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_target_check";
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_target_check" CHECK (num_nonnulls("claimId", "explainerRevisionId", "explainerId") = 1);
