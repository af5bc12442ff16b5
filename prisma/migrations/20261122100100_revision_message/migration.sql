-- The note an editor submits a revision with ("Added the casualty figures"), shown to reviewers.
ALTER TABLE "ExplainerRevision" ADD COLUMN "message" VARCHAR(2000) NOT NULL DEFAULT '';
