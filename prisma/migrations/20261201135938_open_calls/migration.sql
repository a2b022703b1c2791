-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'AWARDED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'AWARDED', 'UNSUCCESSFUL');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "proposalId" TEXT;

-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "campaignId" TEXT,
    "title" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "confidentialDetail" TEXT,
    "rewardMinFen" BIGINT,
    "rewardMaxFen" BIGINT NOT NULL,
    "districtFundingFen" BIGINT,
    "deadline" TIMESTAMP(3) NOT NULL,
    "eligibleKinds" "OrgKind"[],
    "eligibleRegionGroups" TEXT[],
    "criteria" JSONB NOT NULL,
    "requirements" TEXT NOT NULL,
    "status" "CallStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "approach" TEXT NOT NULL,
    "teamExpertIds" TEXT[],
    "resultIds" TEXT[],
    "patents" TEXT,
    "priceFen" BIGINT NOT NULL,
    "durationMonths" INTEGER NOT NULL,
    "milestones" JSONB NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "outcomeReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalAttachment" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallReviewer" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3),
    "declaration" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallReviewer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalScore" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "reviewerUserId" TEXT NOT NULL,
    "scores" INTEGER[],
    "totalCenti" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalMessage" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "authorUserId" TEXT NOT NULL,
    "authorOrgId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestClock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offsetMs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "TestClock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Call_status_deadline_idx" ON "Call"("status", "deadline");

-- CreateIndex
CREATE INDEX "Call_organizationId_status_idx" ON "Call"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Call_needId_idx" ON "Call"("needId");

-- CreateIndex
CREATE INDEX "Call_campaignId_idx" ON "Call"("campaignId");

-- CreateIndex
CREATE INDEX "Proposal_organizationId_status_idx" ON "Proposal"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_callId_organizationId_key" ON "Proposal"("callId", "organizationId");

-- CreateIndex
CREATE INDEX "ProposalAttachment_proposalId_idx" ON "ProposalAttachment"("proposalId");

-- CreateIndex
CREATE INDEX "CallReviewer_userId_idx" ON "CallReviewer"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CallReviewer_callId_userId_key" ON "CallReviewer"("callId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalScore_proposalId_reviewerUserId_key" ON "ProposalScore"("proposalId", "reviewerUserId");

-- CreateIndex
CREATE INDEX "ProposalMessage_proposalId_createdAt_idx" ON "ProposalMessage"("proposalId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_proposalId_key" ON "Contract"("proposalId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAttachment" ADD CONSTRAINT "ProposalAttachment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallReviewer" ADD CONSTRAINT "CallReviewer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallReviewer" ADD CONSTRAINT "CallReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalScore" ADD CONSTRAINT "ProposalScore_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalScore" ADD CONSTRAINT "ProposalScore_reviewerUserId_fkey" FOREIGN KEY ("reviewerUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalMessage" ADD CONSTRAINT "ProposalMessage_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalMessage" ADD CONSTRAINT "ProposalMessage_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A need has at most one live call (a cancelled or closed one may be followed by a new one).
CREATE UNIQUE INDEX "Call_one_live_per_need" ON "Call" ("needId") WHERE "status" IN ('DRAFT', 'PUBLISHED', 'AWARDED');
-- Money is never negative, a range is ordered.
ALTER TABLE "Call" ADD CONSTRAINT "Call_reward" CHECK ("rewardMaxFen" > 0 AND ("rewardMinFen" IS NULL OR ("rewardMinFen" >= 0 AND "rewardMinFen" <= "rewardMaxFen")) AND ("districtFundingFen" IS NULL OR "districtFundingFen" >= 0));
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_price" CHECK ("priceFen" > 0 AND "durationMonths" BETWEEN 1 AND 120);
ALTER TABLE "ProposalScore" ADD CONSTRAINT "ProposalScore_total" CHECK ("totalCenti" BETWEEN 0 AND 10000);
-- The test clock has one row at most.
ALTER TABLE "TestClock" ADD CONSTRAINT "TestClock_single" CHECK ("id" = 1);
