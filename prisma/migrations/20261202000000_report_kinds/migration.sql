-- Kill notices, corrections, embargoes and credits from wire items, and editors' metadata
-- corrections (optimistic locking on the report row).
ALTER TABLE "Report"
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "killedAt" TIMESTAMPTZ(3),
  ADD COLUMN "killNote" VARCHAR(1000),
  ADD COLUMN "embargoedUntil" TIMESTAMPTZ(3);

ALTER TABLE "ReportVersion"
  ADD COLUMN "credit" VARCHAR(200),
  ADD COLUMN "isCorrection" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "correctionNote" VARCHAR(1000);

ALTER TABLE "Claim" ADD COLUMN "flagReason" VARCHAR(1000);
