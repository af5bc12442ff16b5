-- What a fact is about in a few words ("Death toll", "Time: around 04:00"), derived with its
-- statement: a lead stating several facts may headline each of them, and the caption tells them
-- apart. Facts summarised before this migration show none until their next refresh.
ALTER TABLE "Fact" ADD COLUMN "about" VARCHAR(120) NOT NULL DEFAULT '';
