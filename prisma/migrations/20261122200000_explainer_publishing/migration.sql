-- Publishing state kept beside the explainer: the first publication (datePublished) survives
-- updates and corrections; an unpublished explainer keeps its public notice so its URL can
-- answer 410 with it instead of a bare 404.
ALTER TABLE "Explainer" ADD COLUMN "firstPublishedAt" TIMESTAMPTZ(3);
ALTER TABLE "Explainer" ADD COLUMN "unpublishedAt" TIMESTAMPTZ(3);
ALTER TABLE "Explainer" ADD COLUMN "unpublishNotice" VARCHAR(2000);

-- the public page and feeds look explainers up by live publication only
CREATE INDEX "Explainer_publishedRevisionId_publishedAt_idx" ON "Explainer" ("publishedRevisionId", "publishedAt" DESC);
