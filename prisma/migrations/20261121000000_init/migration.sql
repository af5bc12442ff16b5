-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'EDITOR');

-- CreateEnum
CREATE TYPE "StoryStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ImportChannel" AS ENUM ('PASTE', 'UPLOAD', 'API', 'FEED', 'SEED');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('UNVERIFIED', 'IN_PROGRESS', 'VERIFIED', 'DISPUTED', 'FALSE', 'UNVERIFIABLE');

-- CreateEnum
CREATE TYPE "AnchorState" AS ENUM ('ANCHORED', 'FUZZY', 'ORPHANED');

-- CreateEnum
CREATE TYPE "ClaimOrigin" AS ENUM ('TAGGED', 'SUGGESTED');

-- CreateEnum
CREATE TYPE "TagKind" AS ENUM ('PLACE', 'ACTOR', 'ORGANIZATION', 'OTHER');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('LINK', 'NOTE', 'CLAIM', 'REPORT');

-- CreateEnum
CREATE TYPE "SuggestionState" AS ENUM ('PENDING', 'ACCEPTED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('MENTION', 'ASSIGNMENT', 'REVIEW_REQUESTED', 'REVIEW_DECIDED', 'REREVIEW_NEEDED');

-- CreateEnum
CREATE TYPE "FactState" AS ENUM ('SUGGESTED', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "ConflictKind" AS ENUM ('NUMBER', 'COMPLETION', 'ACTOR', 'ATTRIBUTION', 'WORDING');

-- CreateEnum
CREATE TYPE "ExplainerState" AS ENUM ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'UNPUBLISHED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'EDITOR',
    "passwordHash" VARCHAR(255),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordSetToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordSetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Story" (
    "id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" VARCHAR(2000) NOT NULL DEFAULT '',
    "status" "StoryStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "nameKey" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "sourceId" UUID,
    "externalId" VARCHAR(500),
    "contentHash" CHAR(64) NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "headline" VARCHAR(500) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "headline" VARCHAR(500) NOT NULL,
    "bodyText" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "byline" VARCHAR(300),
    "dateline" VARCHAR(300),
    "language" VARCHAR(35),
    "url" VARCHAR(2000),
    "publishedAt" TIMESTAMPTZ(3),
    "sourceUpdatedAt" TIMESTAMPTZ(3),
    "contentHash" CHAR(64) NOT NULL,
    "channel" "ImportChannel" NOT NULL,
    "importedById" UUID,
    "apiTokenId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "reportVersionId" UUID NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" VARCHAR(64) NOT NULL DEFAULT '',
    "suffix" VARCHAR(64) NOT NULL DEFAULT '',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "anchorState" "AnchorState" NOT NULL DEFAULT 'ANCHORED',
    "statement" VARCHAR(1000) NOT NULL,
    "attribution" VARCHAR(500),
    "status" "ClaimStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "origin" "ClaimOrigin" NOT NULL DEFAULT 'TAGGED',
    "assigneeId" UUID,
    "factId" UUID,
    "factPinned" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimTag" (
    "claimId" UUID NOT NULL,
    "kind" "TagKind" NOT NULL,
    "value" VARCHAR(200) NOT NULL,

    CONSTRAINT "ClaimTag_pkey" PRIMARY KEY ("claimId", "kind", "value")
);

-- CreateTable
CREATE TABLE "ClaimStatusChange" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "fromStatus" "ClaimStatus",
    "toStatus" "ClaimStatus" NOT NULL,
    "rationale" VARCHAR(4000),
    "actorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "url" VARCHAR(2000),
    "title" VARCHAR(500),
    "note" VARCHAR(4000),
    "relatedClaimId" UUID,
    "relatedReportId" UUID,
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimSuggestion" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "reportVersionId" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "quoteHash" CHAR(64) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "state" "SuggestionState" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "claimId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "claimId" UUID,
    "explainerRevisionId" UUID,
    "authorId" UUID NOT NULL,
    "body" VARCHAR(8000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentMention" (
    "commentId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "CommentMention_pkey" PRIMARY KEY ("commentId", "userId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "actorId" UUID,
    "kind" "NotificationKind" NOT NULL,
    "claimId" UUID,
    "commentId" UUID,
    "explainerId" UUID,
    "message" VARCHAR(500) NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "statement" VARCHAR(1000) NOT NULL,
    "state" "FactState" NOT NULL DEFAULT 'SUGGESTED',
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "confirmedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactConflict" (
    "id" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "kind" "ConflictKind" NOT NULL,
    "claimIds" UUID[],
    "detail" VARCHAR(1000) NOT NULL,

    CONSTRAINT "FactConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Explainer" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "dek" VARCHAR(1000) NOT NULL DEFAULT '',
    "state" "ExplainerState" NOT NULL DEFAULT 'DRAFT',
    "needsReReview" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL,
    "ydoc" BYTEA,
    "approvedRevisionId" UUID,
    "publishedRevisionId" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Explainer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExplainerRevision" (
    "id" UUID NOT NULL,
    "explainerId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "dek" VARCHAR(1000) NOT NULL DEFAULT '',
    "content" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExplainerRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExplainerRevisionAuthor" (
    "revisionId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "ExplainerRevisionAuthor_pkey" PRIMARY KEY ("revisionId", "userId")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "claimId" UUID,
    "factId" UUID,
    "attributed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" VARCHAR(8000) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" UUID NOT NULL,
    "explainerId" UUID NOT NULL,
    "revisionId" UUID,
    "note" VARCHAR(4000) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "actorId" UUID,
    "apiTokenId" UUID,
    "action" VARCHAR(100) NOT NULL,
    "entityType" VARCHAR(50) NOT NULL,
    "entityId" UUID NOT NULL,
    "storyId" UUID,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordSetToken_tokenHash_key" ON "PasswordSetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordSetToken_userId_idx" ON "PasswordSetToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "Story_status_lastActivityAt_idx" ON "Story"("status", "lastActivityAt" DESC);

-- CreateIndex
CREATE INDEX "Story_lastActivityAt_idx" ON "Story"("lastActivityAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Source_nameKey_key" ON "Source"("nameKey");

-- CreateIndex
CREATE INDEX "Report_storyId_publishedAt_idx" ON "Report"("storyId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Report_sourceId_idx" ON "Report"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_reportId_version_key" ON "ReportVersion"("reportId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_reportId_contentHash_key" ON "ReportVersion"("reportId", "contentHash");

-- CreateIndex
CREATE INDEX "Claim_storyId_status_idx" ON "Claim"("storyId", "status");

-- CreateIndex
CREATE INDEX "Claim_storyId_updatedAt_idx" ON "Claim"("storyId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Claim_reportId_idx" ON "Claim"("reportId");

-- CreateIndex
CREATE INDEX "Claim_reportVersionId_idx" ON "Claim"("reportVersionId");

-- CreateIndex
CREATE INDEX "Claim_assigneeId_status_idx" ON "Claim"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Claim_factId_idx" ON "Claim"("factId");

-- CreateIndex
CREATE INDEX "ClaimTag_kind_value_idx" ON "ClaimTag"("kind", "value");

-- CreateIndex
CREATE INDEX "ClaimStatusChange_claimId_createdAt_idx" ON "ClaimStatusChange"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Evidence_claimId_idx" ON "Evidence"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimSuggestion_claimId_key" ON "ClaimSuggestion"("claimId");

-- CreateIndex
CREATE INDEX "ClaimSuggestion_reportId_state_idx" ON "ClaimSuggestion"("reportId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimSuggestion_reportVersionId_quoteHash_key" ON "ClaimSuggestion"("reportVersionId", "quoteHash");

-- CreateIndex
CREATE INDEX "Comment_claimId_createdAt_idx" ON "Comment"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_explainerRevisionId_createdAt_idx" ON "Comment"("explainerRevisionId", "createdAt");

-- CreateIndex
CREATE INDEX "CommentMention_userId_idx" ON "CommentMention"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Fact_storyId_sourceCount_idx" ON "Fact"("storyId", "sourceCount" DESC);

-- CreateIndex
CREATE INDEX "FactConflict_factId_idx" ON "FactConflict"("factId");

-- CreateIndex
CREATE UNIQUE INDEX "Explainer_slug_key" ON "Explainer"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Explainer_approvedRevisionId_key" ON "Explainer"("approvedRevisionId");

-- CreateIndex
CREATE UNIQUE INDEX "Explainer_publishedRevisionId_key" ON "Explainer"("publishedRevisionId");

-- CreateIndex
CREATE INDEX "Explainer_storyId_state_idx" ON "Explainer"("storyId", "state");

-- CreateIndex
CREATE INDEX "Explainer_state_publishedAt_idx" ON "Explainer"("state", "publishedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ExplainerRevision_explainerId_number_key" ON "ExplainerRevision"("explainerId", "number");

-- CreateIndex
CREATE INDEX "ExplainerRevisionAuthor_userId_idx" ON "ExplainerRevisionAuthor"("userId");

-- CreateIndex
CREATE INDEX "Citation_revisionId_idx" ON "Citation"("revisionId");

-- CreateIndex
CREATE INDEX "Citation_claimId_idx" ON "Citation"("claimId");

-- CreateIndex
CREATE INDEX "Citation_factId_idx" ON "Citation"("factId");

-- CreateIndex
CREATE INDEX "Review_revisionId_idx" ON "Review"("revisionId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE INDEX "Correction_explainerId_createdAt_idx" ON "Correction"("explainerId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_storyId_createdAt_idx" ON "AuditEvent"("storyId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "PasswordSetToken" ADD CONSTRAINT "PasswordSetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordSetToken" ADD CONSTRAINT "PasswordSetToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_reportVersionId_fkey" FOREIGN KEY ("reportVersionId") REFERENCES "ReportVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimTag" ADD CONSTRAINT "ClaimTag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimStatusChange" ADD CONSTRAINT "ClaimStatusChange_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimStatusChange" ADD CONSTRAINT "ClaimStatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_relatedClaimId_fkey" FOREIGN KEY ("relatedClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_relatedReportId_fkey" FOREIGN KEY ("relatedReportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_reportVersionId_fkey" FOREIGN KEY ("reportVersionId") REFERENCES "ReportVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_explainerRevisionId_fkey" FOREIGN KEY ("explainerRevisionId") REFERENCES "ExplainerRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentMention" ADD CONSTRAINT "CommentMention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentMention" ADD CONSTRAINT "CommentMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_explainerId_fkey" FOREIGN KEY ("explainerId") REFERENCES "Explainer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactConflict" ADD CONSTRAINT "FactConflict_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Explainer" ADD CONSTRAINT "Explainer_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Explainer" ADD CONSTRAINT "Explainer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Explainer" ADD CONSTRAINT "Explainer_approvedRevisionId_fkey" FOREIGN KEY ("approvedRevisionId") REFERENCES "ExplainerRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Explainer" ADD CONSTRAINT "Explainer_publishedRevisionId_fkey" FOREIGN KEY ("publishedRevisionId") REFERENCES "ExplainerRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExplainerRevision" ADD CONSTRAINT "ExplainerRevision_explainerId_fkey" FOREIGN KEY ("explainerId") REFERENCES "Explainer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExplainerRevision" ADD CONSTRAINT "ExplainerRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExplainerRevisionAuthor" ADD CONSTRAINT "ExplainerRevisionAuthor_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ExplainerRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExplainerRevisionAuthor" ADD CONSTRAINT "ExplainerRevisionAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ExplainerRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ExplainerRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_explainerId_fkey" FOREIGN KEY ("explainerId") REFERENCES "Explainer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ExplainerRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────────────────────────────────────────────────────────────────────────
-- SQL-only constraints: what schema.prisma cannot express.
-- Prisma does not model CHECK constraints or partial indexes, so `prisma migrate diff` would
-- never write these. lib/db/schema-drift.integration.test.ts lists each one by name and asserts
-- it exists; rename or drop one there too.
-- ───────────────────────────────────────────────────────────────────────────────────────────

-- Emails are compared and looked up lower-cased; storing them that way keeps "User_email_key"
-- a case-insensitive uniqueness guarantee.
ALTER TABLE "User" ADD CONSTRAINT "User_email_check" CHECK ("email" = lower("email") AND "email" <> '');

ALTER TABLE "User" ADD CONSTRAINT "User_name_check" CHECK (btrim("name") <> '');

ALTER TABLE "Story" ADD CONSTRAINT "Story_title_check" CHECK (btrim("title") <> '');

ALTER TABLE "Report" ADD CONSTRAINT "Report_currentVersion_check" CHECK ("currentVersion" >= 1);

ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_version_check" CHECK ("version" >= 1);

-- TextPosition anchor into ReportVersion.bodyText: a non-empty, forward span.
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_span_check" CHECK ("start" >= 0 AND "start" < "end");

ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_span_check" CHECK ("start" >= 0 AND "start" < "end");

-- Each kind of evidence carries the field that makes it evidence.
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_kind_fields_check" CHECK (
    ("kind" <> 'LINK' OR "url" IS NOT NULL)
    AND ("kind" <> 'NOTE' OR "note" IS NOT NULL)
    AND ("kind" <> 'CLAIM' OR "relatedClaimId" IS NOT NULL)
    AND ("kind" <> 'REPORT' OR "relatedReportId" IS NOT NULL)
);

-- A comment belongs to exactly one thread: a claim's or an explainer revision's.
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_target_check" CHECK (num_nonnulls("claimId", "explainerRevisionId") = 1);

-- A citation points at exactly one thing: a claim or a fact.
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_target_check" CHECK (num_nonnulls("claimId", "factId") = 1);

ALTER TABLE "ExplainerRevision" ADD CONSTRAINT "ExplainerRevision_number_check" CHECK ("number" >= 1);

ALTER TABLE "Fact" ADD CONSTRAINT "Fact_sourceCount_check" CHECK ("sourceCount" >= 0);

-- Report dedupe within a story: by the wire's own id when it has one, otherwise by the hash of
-- the first version's normalized text. A report with an external id never collides on hash, so
-- a wire may legitimately resend identical text under a new id.
CREATE UNIQUE INDEX "Report_storyId_externalId_key" ON "Report"("storyId", "externalId") WHERE "externalId" IS NOT NULL;

CREATE UNIQUE INDEX "Report_storyId_contentHash_key" ON "Report"("storyId", "contentHash") WHERE "externalId" IS NULL;
