-- Names known in all their spellings. Search matches accent-free text (unaccent) and near
-- spellings (pg_trgm); both ship with PostgreSQL's contrib modules and with embedded-postgres.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Outlets are a kind of tag of their own, not actors.
ALTER TYPE "TagKind" ADD VALUE IF NOT EXISTS 'OUTLET' BEFORE 'OTHER';

CREATE TABLE "Tag" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "kind" "TagKind" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Tag_storyId_kind_idx" ON "Tag"("storyId", "kind");
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TagAlias" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "kind" "TagKind" NOT NULL,
    "value" VARCHAR(200) NOT NULL,
    "variantKey" VARCHAR(200),
    CONSTRAINT "TagAlias_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TagAlias_storyId_kind_value_key" ON "TagAlias"("storyId", "kind", "value");
CREATE INDEX "TagAlias_storyId_kind_variantKey_idx" ON "TagAlias"("storyId", "kind", "variantKey");
CREATE INDEX "TagAlias_tagId_idx" ON "TagAlias"("tagId");
ALTER TABLE "TagAlias" ADD CONSTRAINT "TagAlias_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TagAlias" ADD CONSTRAINT "TagAlias_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every spelling already on a claim becomes a tag of its own with one alias. Its variant key is
-- computed by the application (lib/text/name-variants) the next time the story's tags are read
-- or written; spellings that then share a key are collapsed into one tag.
CREATE TEMP TABLE "_tag_backfill" ON COMMIT DROP AS
  SELECT gen_random_uuid() AS "tagId", x."storyId", x."kind", x."value"
    FROM (SELECT DISTINCT c."storyId", t."kind", t."value"
            FROM "ClaimTag" t JOIN "Claim" c ON c."id" = t."claimId") x;
INSERT INTO "Tag" ("id", "storyId", "kind", "name", "updatedAt")
  SELECT "tagId", "storyId", "kind", "value", CURRENT_TIMESTAMP FROM "_tag_backfill";
INSERT INTO "TagAlias" ("id", "tagId", "storyId", "kind", "value")
  SELECT gen_random_uuid(), "tagId", "storyId", "kind", "value" FROM "_tag_backfill";

-- Search compares claim text and spellings without accents. unaccent() is only STABLE (its
-- dictionary could change); this wrapper names the dictionary, so it is safe to declare
-- IMMUTABLE and to use in expression indexes later.
CREATE OR REPLACE FUNCTION "wd_unaccent"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Every word of a claim (statement and quote) in its variant spelling, padded with spaces, so a
-- search finds "el Kasr" from "Al-Qasr" with one position() test. The application computes it
-- (lib/text/name-variants) for claims whose text is new or changed: a write that changes the
-- words clears it, and the next search of the story fills in the cleared ones.
ALTER TABLE "Claim" ADD COLUMN "nameKeys" TEXT;
CREATE INDEX "Claim_storyId_unkeyed_idx" ON "Claim"("storyId") WHERE "nameKeys" IS NULL;
CREATE OR REPLACE FUNCTION "wd_claim_name_keys_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."statement" IS DISTINCT FROM OLD."statement" OR NEW."exact" IS DISTINCT FROM OLD."exact")
     AND NEW."nameKeys" IS NOT DISTINCT FROM OLD."nameKeys" THEN
    NEW."nameKeys" := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Claim_name_keys_stale" BEFORE UPDATE OF "statement", "exact" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "wd_claim_name_keys_stale"();
