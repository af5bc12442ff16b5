-- Passages of a version that read as machine-translated or corrupted, found on import
-- (lib/analysis/garbled.ts): [{ "start", "end", "reasons": [...] }], offsets into "bodyText".
-- Versions imported before this migration were not checked and carry none.
ALTER TABLE "ReportVersion" ADD COLUMN "garbledPassages" JSONB NOT NULL DEFAULT '[]';

-- A claim taken from a flagged passage counts as corroboration only once an editor has checked
-- the original (confirmClaimReading).
ALTER TABLE "Claim" ADD COLUMN "readingConfirmedAt" TIMESTAMPTZ(3),
                    ADD COLUMN "readingConfirmedById" UUID;
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_readingConfirmedById_fkey" FOREIGN KEY ("readingConfirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
