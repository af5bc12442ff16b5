-- A report version keeps the structure the parser found: the dek (standfirst) under the
-- headline, and what each paragraph of bodyText is ('paragraph', 'bullet', 'subhead'), index for
-- index. bodyText itself is unchanged, so claim anchors are unaffected; an empty array (every
-- version stored before this) means all running text.
ALTER TABLE "ReportVersion" ADD COLUMN "dek" VARCHAR(500);
ALTER TABLE "ReportVersion" ADD COLUMN "paragraphKinds" TEXT[] DEFAULT ARRAY[]::TEXT[];
