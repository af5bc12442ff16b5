-- Full-text search over report text (Reports tab). An expression index rather than a stored
-- tsvector column: nothing to keep in sync and nothing Prisma needs to know about. Queries must
-- use exactly this expression to hit the index (lib/reports/list-reports.ts).
CREATE INDEX "ReportVersion_search_idx" ON "ReportVersion"
  USING GIN (to_tsvector('english'::regconfig, "headline"::text || ' ' || "bodyText"));

-- The Reports tab filters a story's reports by source and sorts them by publication time.
CREATE INDEX "Report_storyId_sourceId_idx" ON "Report"("storyId", "sourceId");
