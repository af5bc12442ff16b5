-- The analysis version a story's facts were grouped with as a whole (by its first analysed report
-- or by "Re-analyse"). Stories grouped before it was recorded start at 0, so the Facts tab offers
-- to group them again with the current analysis.
ALTER TABLE "Story" ADD COLUMN "groupedWith" INTEGER NOT NULL DEFAULT 0;
