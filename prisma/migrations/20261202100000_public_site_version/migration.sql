-- One row counting changes to the public site: every publish, correction and unpublish bumps it
-- in its own transaction, so each app instance checks its cached public pages with one cheap read.
CREATE TABLE "PublicSite" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "PublicSite_pkey" PRIMARY KEY ("id")
);

INSERT INTO "PublicSite" ("id", "version") VALUES (1, 0);
