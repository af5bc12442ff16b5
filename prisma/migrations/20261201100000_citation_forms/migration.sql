-- How a bullet cites a claim or fact: as fact, attributed, as one side of a dispute, or debunked.
CREATE TYPE "CitationForm" AS ENUM ('FACT', 'ATTRIBUTED', 'BOTH_SIDES', 'DEBUNKED');
ALTER TABLE "Citation" ADD COLUMN "form" "CitationForm" NOT NULL DEFAULT 'FACT';
-- citations written before forms existed were either stated as fact or attributed
UPDATE "Citation" SET "form" = 'ATTRIBUTED' WHERE "attributed";
