-- Feed sources a story subscribes to (RSS/Atom, ninjs or NewsML-G2 endpoints, watched folders),
-- polled by the worker, with their health.
CREATE TYPE "FeedKind" AS ENUM ('RSS_ATOM', 'NINJS', 'NEWSML_G2', 'FOLDER');

CREATE TABLE "FeedSource" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "kind" "FeedKind" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "location" VARCHAR(2000) NOT NULL,
    "defaultSource" VARCHAR(200),
    "intervalSeconds" INTEGER NOT NULL DEFAULT 300,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "etag" VARCHAR(1000),
    "lastModified" VARCHAR(200),
    "folderCursor" TIMESTAMPTZ(3),
    "nextPollAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastErrorAt" TIMESTAMPTZ(3),
    "lastError" VARCHAR(1000),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "itemsTaken" INTEGER NOT NULL DEFAULT 0,
    "lastResults" JSONB,

    CONSTRAINT "FeedSource_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FeedSource_intervalSeconds_check" CHECK ("intervalSeconds" BETWEEN 60 AND 86400)
);

CREATE UNIQUE INDEX "FeedSource_storyId_location_key" ON "FeedSource"("storyId", "location");
CREATE INDEX "FeedSource_paused_nextPollAt_idx" ON "FeedSource"("paused", "nextPollAt");

ALTER TABLE "FeedSource" ADD CONSTRAINT "FeedSource_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FeedSource" ADD CONSTRAINT "FeedSource_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
