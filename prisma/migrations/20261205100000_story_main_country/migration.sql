-- The story's main country (ISO 3166 alpha-3), the one its citable reports name most: a claim
-- placed in another country states something that happened elsewhere. Each report version keeps
-- how often its text names each country, so the story's country is a sum over stored counts and
-- never a re-read of every report. "mainCountrySince" is null until the analysis first works the
-- country out; until then a story's stored features took each report's own country.
ALTER TABLE "Story" ADD COLUMN "mainCountry" VARCHAR(3);
ALTER TABLE "Story" ADD COLUMN "mainCountrySince" TIMESTAMPTZ(3);
ALTER TABLE "ReportVersion" ADD COLUMN "countryCounts" JSONB;
