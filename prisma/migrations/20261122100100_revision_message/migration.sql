-- The note an editor submits a revision with ("Added the casualty figures"), shown to reviewers.
ALTER TABLE "ExplainerRevision" ADD COLUMN "message" VARCHAR(2000) NOT NULL DEFAULT '';

-- Spell the empty-list default the way the catalog keeps it ('{}'), as the drift test expects.
ALTER TABLE "Explainer" ALTER COLUMN "editorIdsSinceApproval" SET DEFAULT '{}';
-- Prisma Migrate writes scalar lists as nullable columns (as for "FactConflict"."claimIds"); the
-- client never writes null to a required list.
ALTER TABLE "Explainer" ALTER COLUMN "editorIdsSinceApproval" DROP NOT NULL;
