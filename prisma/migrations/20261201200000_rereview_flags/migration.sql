-- One row per "needs re-review" flag, so each can be acknowledged with a note or closed by an approval.
CREATE TYPE "ReReviewResolution" AS ENUM ('ACKNOWLEDGED', 'APPROVED');

CREATE TABLE "ReReviewFlag" (
    "id" UUID NOT NULL,
    "explainerId" UUID NOT NULL,
    "claimId" UUID,
    "reason" VARCHAR(1000) NOT NULL,
    "breaksRules" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "resolution" "ReReviewResolution",
    "note" VARCHAR(2000) NOT NULL DEFAULT '',

    CONSTRAINT "ReReviewFlag_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ReReviewFlag_explainerId_resolvedAt_idx" ON "ReReviewFlag"("explainerId", "resolvedAt");
CREATE INDEX "ReReviewFlag_claimId_idx" ON "ReReviewFlag"("claimId");

ALTER TABLE "ReReviewFlag" ADD CONSTRAINT "ReReviewFlag_explainerId_fkey" FOREIGN KEY ("explainerId") REFERENCES "Explainer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReReviewFlag" ADD CONSTRAINT "ReReviewFlag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ReReviewFlag" ADD CONSTRAINT "ReReviewFlag_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- a resolved flag says how and by whom
ALTER TABLE "ReReviewFlag" ADD CONSTRAINT "ReReviewFlag_resolution_check" CHECK (("resolvedAt" IS NULL) = ("resolution" IS NULL) AND ("resolvedAt" IS NULL OR "resolvedById" IS NOT NULL));

-- explainers flagged before this table existed keep one open flag with their reason
INSERT INTO "ReReviewFlag" ("id", "explainerId", "reason")
SELECT gen_random_uuid(), "id", COALESCE("reReviewReason", 'A cited claim changed status since approval.') FROM "Explainer" WHERE "needsReReview";
