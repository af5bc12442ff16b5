-- A claim may state several facts (a lead stating an event and its toll): Claim."factId" stays
-- its primary fact, and each further fact it states is a row here, set by analysis and replaced
-- when the claim is analysed again. Deleting the claim or the fact deletes the link.
CREATE TABLE "ClaimFactLink" (
    "claimId" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimFactLink_pkey" PRIMARY KEY ("claimId", "factId")
);

CREATE INDEX "ClaimFactLink_factId_idx" ON "ClaimFactLink"("factId");

ALTER TABLE "ClaimFactLink" ADD CONSTRAINT "ClaimFactLink_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimFactLink" ADD CONSTRAINT "ClaimFactLink_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
