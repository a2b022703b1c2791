-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('TOWN', 'STREET', 'DEV_ZONE');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'BUREAU', 'SERVICE_AGENCY');

-- CreateEnum
CREATE TYPE "EnterpriseTier" AS ENUM ('HIGH_TECH', 'TECH_SME', 'EAGLET', 'GAZELLE', 'LEADER');

-- CreateEnum
CREATE TYPE "LegalEntityType" AS ENUM ('GOVERNMENT', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'HOSPITAL', 'ENTERPRISE', 'SOCIAL_ORGANIZATION', 'INDIVIDUAL', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ENTERPRISE_MEMBER', 'ENTERPRISE_ADMIN', 'TTO_MEMBER', 'TTO_ADMIN', 'EXPERT', 'BUREAU_STAFF', 'PLATFORM_ADMIN');

-- CreateEnum
CREATE TYPE "ContactVisibility" AS ENUM ('PUBLIC', 'AFTER_INTRODUCTION', 'HIDDEN');

-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "MaturityStage" AS ENUM ('LAB', 'SMALL_PILOT', 'PILOT', 'INDUSTRIAL');

-- CreateEnum
CREATE TYPE "IpType" AS ENUM ('INVENTION_PATENT', 'UTILITY_MODEL', 'DESIGN_PATENT', 'SOFTWARE_COPYRIGHT', 'IC_LAYOUT', 'PLANT_VARIETY', 'NEW_DRUG', 'TECHNICAL_SECRET', 'OTHER', 'NONE');

-- CreateEnum
CREATE TYPE "CooperationMode" AS ENUM ('DEVELOPMENT', 'TRANSFER', 'LICENSE', 'CONSULTING', 'SERVICE', 'EQUITY');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'SOLVED', 'CLOSED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "MatchTarget" AS ENUM ('EXPERT', 'RESULT');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('TOO_EARLY', 'BENEFIT_UNCLEAR', 'OUTSIDE_FIELD', 'CAPACITY', 'OTHER');

-- CreateEnum
CREATE TYPE "IntroductionStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('DEVELOPMENT_COMMISSIONED', 'DEVELOPMENT_COOPERATIVE', 'TRANSFER', 'LICENSE', 'CONSULTING', 'SERVICE');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('DRAFT', 'SIGNED', 'SUBMITTED', 'REGISTERED', 'AMENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "PaymentMode" AS ENUM ('LUMP_SUM', 'INSTALMENTS', 'ROYALTY', 'ENTRY_FEE_ROYALTY');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PENDING', 'PAYMENT_REQUESTED', 'PAID', 'REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('STRIPE', 'BANK_TRANSFER');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED', 'CANCELED');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED', 'CANCELED');

-- CreateEnum
CREATE TYPE "TargetMetric" AS ENUM ('CONTRACT_AMOUNT', 'TECH_AMOUNT', 'CONTRACT_COUNT', 'HIGH_TECH_ENTERPRISES', 'TECH_SMES', 'EAGLET_ENTERPRISES', 'GAZELLE_ENTERPRISES', 'LEADER_ENTERPRISES', 'RD_INTENSITY');

-- CreateEnum
CREATE TYPE "TargetScope" AS ENUM ('DISTRICT', 'AREA');

-- CreateEnum
CREATE TYPE "CountingBasis" AS ENUM ('OUTFLOW', 'INFLOW', 'BOTH');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('ORGANIZATIONS', 'EXPERTS', 'RESULTS', 'NEEDS', 'CONTRACTS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEWED', 'COMMITTED', 'FAILED');

-- CreateTable
CREATE TABLE "Area" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "AreaKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TechField" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "parentCode" TEXT,
    "priority" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TechField_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "creditCode" TEXT,
    "regionCode" TEXT NOT NULL,
    "legalEntityType" "LegalEntityType" NOT NULL DEFAULT 'ENTERPRISE',
    "areaId" TEXT,
    "inDevelopmentZone" BOOLEAN NOT NULL DEFAULT false,
    "tiers" "EnterpriseTier"[],
    "website" TEXT,
    "description" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "disabledAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "csrfSecret" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expert" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "directions" TEXT[],
    "keywords" TEXT[],
    "fieldCodes" TEXT[],
    "bio" TEXT,
    "achievements" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "contactVisibility" "ContactVisibility" NOT NULL DEFAULT 'AFTER_INTRODUCTION',
    "available" BOOLEAN NOT NULL DEFAULT true,
    "consultationFeeFen" BIGINT,
    "consultationMinutes" INTEGER,
    "status" "ListingStatus" NOT NULL DEFAULT 'PUBLISHED',
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Expert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResearchResult" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "fieldCode" TEXT,
    "keywords" TEXT[],
    "trl" INTEGER,
    "stage" "MaturityStage",
    "ipType" "IpType" NOT NULL DEFAULT 'NONE',
    "patentNumbers" TEXT[],
    "transferModes" "CooperationMode"[],
    "priceMinFen" BIGINT,
    "priceMaxFen" BIGINT,
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResearchResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultExpert" (
    "resultId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "isLead" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ResultExpert_pkey" PRIMARY KEY ("resultId","expertId")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "externalId" TEXT,
    "campaignId" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "confidentialDetail" TEXT,
    "triedApproaches" TEXT,
    "fieldCode" TEXT,
    "keywords" TEXT[],
    "regionCode" TEXT,
    "budgetMinFen" BIGINT,
    "budgetMaxFen" BIGINT,
    "deadline" DATE,
    "cooperationModes" "CooperationMode"[],
    "wantedTrlMin" INTEGER,
    "wantedStage" "MaturityStage",
    "status" "NeedStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "areaId" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "target" "MatchTarget" NOT NULL,
    "expertId" TEXT,
    "resultId" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "confidence" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" "MatchStatus" NOT NULL DEFAULT 'PROPOSED',
    "feedbackReason" "DeclineReason",
    "feedbackNote" TEXT,
    "feedbackById" TEXT,
    "feedbackAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertGroup" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "createdById" TEXT,
    "curated" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertGroupMember" (
    "groupId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "aspects" TEXT[],
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "ExpertGroupMember_pkey" PRIMARY KEY ("groupId","expertId")
);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "matchId" TEXT,
    "requesterOrgId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "targetOrgId" TEXT NOT NULL,
    "expertId" TEXT,
    "resultId" TEXT,
    "message" TEXT NOT NULL,
    "status" "IntroductionStatus" NOT NULL DEFAULT 'REQUESTED',
    "responseDeadline" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "respondedById" TEXT,
    "declineReason" "DeclineReason",
    "declineNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Introduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntroductionMessage" (
    "id" TEXT NOT NULL,
    "introductionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorOrgId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntroductionMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "type" "ContractType" NOT NULL,
    "projectName" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'DRAFT',
    "registrationNumber" TEXT,
    "registeredAt" TIMESTAMP(3),
    "buyerOrgId" TEXT,
    "buyerName" TEXT NOT NULL,
    "buyerCreditCode" TEXT,
    "buyerRegionCode" TEXT NOT NULL,
    "buyerEntityType" "LegalEntityType" NOT NULL,
    "sellerOrgId" TEXT,
    "sellerName" TEXT NOT NULL,
    "sellerCreditCode" TEXT,
    "sellerRegionCode" TEXT NOT NULL,
    "sellerEntityType" "LegalEntityType" NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "techAmountFen" BIGINT NOT NULL,
    "signedOn" DATE NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "paymentMode" "PaymentMode" NOT NULL DEFAULT 'LUMP_SUM',
    "fieldCode" TEXT,
    "ipType" "IpType" NOT NULL DEFAULT 'NONE',
    "expectedInvestmentFen" BIGINT,
    "expectedOutputFen" BIGINT,
    "areaId" TEXT,
    "inDevelopmentZone" BOOLEAN NOT NULL DEFAULT false,
    "needsExpertReview" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "needId" TEXT,
    "resultId" TEXT,
    "matchId" TEXT,
    "introductionId" TEXT,
    "createdByOrgId" TEXT,
    "terminatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractRevision" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "dueOn" DATE,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PENDING',
    "paidFen" BIGINT NOT NULL DEFAULT 0,
    "refundedFen" BIGINT NOT NULL DEFAULT 0,
    "requestedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "contractId" TEXT,
    "milestoneId" TEXT,
    "consultationId" TEXT,
    "method" "PaymentMethod" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "currency" TEXT NOT NULL DEFAULT 'cny',
    "amountFen" BIGINT NOT NULL,
    "refundedFen" BIGINT NOT NULL DEFAULT 0,
    "stripeCheckoutSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "bankReference" TEXT,
    "failureMessage" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "priceFen" BIGINT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "topic" TEXT NOT NULL,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'PENDING_PAYMENT',
    "contractId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL,
    "metric" "TargetMetric" NOT NULL,
    "year" INTEGER NOT NULL,
    "scope" "TargetScope" NOT NULL,
    "areaId" TEXT,
    "value" DECIMAL(20,4) NOT NULL,
    "basis" "CountingBasis" NOT NULL DEFAULT 'BOTH',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "heading" TEXT,
    "description" TEXT NOT NULL,
    "metric" "TargetMetric",
    "targetValue" DECIMAL(20,4),
    "unit" TEXT,
    "targetYear" INTEGER,
    "departments" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiValue" (
    "id" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "value" DECIMAL(20,4),
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorOrgId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 10,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "organizationId" TEXT,
    "createdById" TEXT,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "report" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Area_code_key" ON "Area"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_regionCode_idx" ON "Organization"("regionCode");

-- CreateIndex
CREATE INDEX "Organization_areaId_idx" ON "Organization"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_organizationId_idx" ON "Membership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organizationId_role_key" ON "Membership"("userId", "organizationId", "role");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organizationId_idx" ON "ApiToken"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_userId_key" ON "Expert"("userId");

-- CreateIndex
CREATE INDEX "Expert_status_idx" ON "Expert"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_organizationId_externalId_key" ON "Expert"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "ResearchResult_status_fieldCode_idx" ON "ResearchResult"("status", "fieldCode");

-- CreateIndex
CREATE INDEX "ResearchResult_organizationId_status_idx" ON "ResearchResult"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ResearchResult_organizationId_externalId_key" ON "ResearchResult"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "ResultExpert_expertId_idx" ON "ResultExpert"("expertId");

-- CreateIndex
CREATE INDEX "Need_status_fieldCode_idx" ON "Need"("status", "fieldCode");

-- CreateIndex
CREATE INDEX "Need_organizationId_status_idx" ON "Need"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Need_organizationId_externalId_key" ON "Need"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "Match_expertId_idx" ON "Match"("expertId");

-- CreateIndex
CREATE INDEX "Match_resultId_idx" ON "Match"("resultId");

-- CreateIndex
CREATE UNIQUE INDEX "Match_needId_expertId_key" ON "Match"("needId", "expertId");

-- CreateIndex
CREATE UNIQUE INDEX "Match_needId_resultId_key" ON "Match"("needId", "resultId");

-- CreateIndex
CREATE INDEX "ExpertGroup_needId_idx" ON "ExpertGroup"("needId");

-- CreateIndex
CREATE INDEX "Introduction_requesterOrgId_status_idx" ON "Introduction"("requesterOrgId", "status");

-- CreateIndex
CREATE INDEX "Introduction_targetOrgId_status_idx" ON "Introduction"("targetOrgId", "status");

-- CreateIndex
CREATE INDEX "Introduction_status_responseDeadline_idx" ON "Introduction"("status", "responseDeadline");

-- CreateIndex
CREATE INDEX "IntroductionMessage_introductionId_createdAt_idx" ON "IntroductionMessage"("introductionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_externalId_key" ON "Contract"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_registrationNumber_key" ON "Contract"("registrationNumber");

-- CreateIndex
CREATE INDEX "Contract_signedOn_idx" ON "Contract"("signedOn");

-- CreateIndex
CREATE INDEX "Contract_status_signedOn_idx" ON "Contract"("status", "signedOn");

-- CreateIndex
CREATE INDEX "Contract_areaId_signedOn_idx" ON "Contract"("areaId", "signedOn");

-- CreateIndex
CREATE INDEX "Contract_buyerOrgId_idx" ON "Contract"("buyerOrgId");

-- CreateIndex
CREATE INDEX "Contract_sellerOrgId_idx" ON "Contract"("sellerOrgId");

-- CreateIndex
CREATE INDEX "Contract_fieldCode_idx" ON "Contract"("fieldCode");

-- CreateIndex
CREATE UNIQUE INDEX "ContractRevision_contractId_version_key" ON "ContractRevision"("contractId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_contractId_seq_key" ON "Milestone"("contractId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripeCheckoutSessionId_key" ON "Payment"("stripeCheckoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripePaymentIntentId_key" ON "Payment"("stripePaymentIntentId");

-- CreateIndex
CREATE INDEX "Payment_contractId_idx" ON "Payment"("contractId");

-- CreateIndex
CREATE INDEX "Payment_milestoneId_idx" ON "Payment"("milestoneId");

-- CreateIndex
CREATE INDEX "Payment_status_idx" ON "Payment"("status");

-- CreateIndex
CREATE INDEX "Consultation_expertId_startsAt_idx" ON "Consultation"("expertId", "startsAt");

-- CreateIndex
CREATE INDEX "Consultation_enterpriseId_idx" ON "Consultation"("enterpriseId");

-- CreateIndex
CREATE INDEX "Target_metric_year_idx" ON "Target"("metric", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_seq_key" ON "Kpi"("seq");

-- CreateIndex
CREATE INDEX "KpiValue_kpiId_recordedAt_idx" ON "KpiValue"("kpiId", "recordedAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorOrgId_createdAt_idx" ON "AuditLog"("actorOrgId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Job_queue_status_runAt_idx" ON "Job"("queue", "status", "runAt");

-- AddForeignKey
ALTER TABLE "TechField" ADD CONSTRAINT "TechField_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "TechField"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchResult" ADD CONSTRAINT "ResearchResult_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResearchResult" ADD CONSTRAINT "ResearchResult_fieldCode_fkey" FOREIGN KEY ("fieldCode") REFERENCES "TechField"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultExpert" ADD CONSTRAINT "ResultExpert_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ResearchResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultExpert" ADD CONSTRAINT "ResultExpert_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_fieldCode_fkey" FOREIGN KEY ("fieldCode") REFERENCES "TechField"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ResearchResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_feedbackById_fkey" FOREIGN KEY ("feedbackById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertGroup" ADD CONSTRAINT "ExpertGroup_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertGroup" ADD CONSTRAINT "ExpertGroup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertGroupMember" ADD CONSTRAINT "ExpertGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ExpertGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertGroupMember" ADD CONSTRAINT "ExpertGroupMember_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_requesterOrgId_fkey" FOREIGN KEY ("requesterOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_targetOrgId_fkey" FOREIGN KEY ("targetOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ResearchResult"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionMessage" ADD CONSTRAINT "IntroductionMessage_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionMessage" ADD CONSTRAINT "IntroductionMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionMessage" ADD CONSTRAINT "IntroductionMessage_authorOrgId_fkey" FOREIGN KEY ("authorOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_buyerOrgId_fkey" FOREIGN KEY ("buyerOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_sellerOrgId_fkey" FOREIGN KEY ("sellerOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_fieldCode_fkey" FOREIGN KEY ("fieldCode") REFERENCES "TechField"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ResearchResult"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_createdByOrgId_fkey" FOREIGN KEY ("createdByOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRevision" ADD CONSTRAINT "ContractRevision_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorOrgId_fkey" FOREIGN KEY ("actorOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express. Prisma's diff ignores CHECK constraints,
-- so they stay in place across later migrations.
ALTER TABLE "Organization"
  ADD CONSTRAINT "Organization_creditCode_format" CHECK ("creditCode" IS NULL OR "creditCode" ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  ADD CONSTRAINT "Organization_regionCode_format" CHECK ("regionCode" ~ '^[0-9]{6}$');

ALTER TABLE "User"
  ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));

ALTER TABLE "ResearchResult"
  ADD CONSTRAINT "ResearchResult_trl_range" CHECK ("trl" IS NULL OR "trl" BETWEEN 1 AND 9),
  ADD CONSTRAINT "ResearchResult_price_range" CHECK (("priceMinFen" IS NULL OR "priceMinFen" >= 0) AND ("priceMaxFen" IS NULL OR "priceMaxFen" >= 0) AND ("priceMinFen" IS NULL OR "priceMaxFen" IS NULL OR "priceMinFen" <= "priceMaxFen"));

ALTER TABLE "Need"
  ADD CONSTRAINT "Need_wantedTrl_range" CHECK ("wantedTrlMin" IS NULL OR "wantedTrlMin" BETWEEN 1 AND 9),
  ADD CONSTRAINT "Need_budget_range" CHECK (("budgetMinFen" IS NULL OR "budgetMinFen" >= 0) AND ("budgetMaxFen" IS NULL OR "budgetMaxFen" >= 0) AND ("budgetMinFen" IS NULL OR "budgetMaxFen" IS NULL OR "budgetMinFen" <= "budgetMaxFen")),
  ADD CONSTRAINT "Need_regionCode_format" CHECK ("regionCode" IS NULL OR "regionCode" ~ '^[0-9]{6}$');

ALTER TABLE "Expert"
  ADD CONSTRAINT "Expert_consultation_values" CHECK (("consultationFeeFen" IS NULL OR "consultationFeeFen" >= 0) AND ("consultationMinutes" IS NULL OR "consultationMinutes" > 0));

ALTER TABLE "Match"
  ADD CONSTRAINT "Match_confidence_range" CHECK ("confidence" BETWEEN 1 AND 5),
  ADD CONSTRAINT "Match_one_target" CHECK (("target" = 'EXPERT' AND "expertId" IS NOT NULL AND "resultId" IS NULL) OR ("target" = 'RESULT' AND "resultId" IS NOT NULL AND "expertId" IS NULL));

ALTER TABLE "Introduction"
  ADD CONSTRAINT "Introduction_has_counterpart" CHECK ("expertId" IS NOT NULL OR "resultId" IS NOT NULL);

ALTER TABLE "Contract"
  ADD CONSTRAINT "Contract_amounts_nonnegative" CHECK ("amountFen" >= 0 AND "techAmountFen" >= 0),
  ADD CONSTRAINT "Contract_techAmount_le_amount" CHECK ("techAmountFen" <= "amountFen"),
  ADD CONSTRAINT "Contract_registrationNumber_format" CHECK ("registrationNumber" IS NULL OR "registrationNumber" ~ '^[0-9]{16}$'),
  ADD CONSTRAINT "Contract_registered_has_number" CHECK ("status" NOT IN ('REGISTERED', 'AMENDED') OR "registrationNumber" IS NOT NULL),
  ADD CONSTRAINT "Contract_region_codes_format" CHECK ("buyerRegionCode" ~ '^[0-9]{6}$' AND "sellerRegionCode" ~ '^[0-9]{6}$'),
  ADD CONSTRAINT "Contract_validity_order" CHECK ("validFrom" IS NULL OR "validTo" IS NULL OR "validFrom" <= "validTo"),
  ADD CONSTRAINT "Contract_expected_values" CHECK (("expectedInvestmentFen" IS NULL OR "expectedInvestmentFen" >= 0) AND ("expectedOutputFen" IS NULL OR "expectedOutputFen" >= 0)),
  ADD CONSTRAINT "Contract_version_positive" CHECK ("version" >= 1);

ALTER TABLE "Milestone"
  ADD CONSTRAINT "Milestone_amounts" CHECK ("amountFen" > 0 AND "paidFen" >= 0 AND "refundedFen" >= 0 AND "refundedFen" <= "paidFen" AND "paidFen" <= "amountFen");

ALTER TABLE "Payment"
  ADD CONSTRAINT "Payment_amounts" CHECK ("amountFen" > 0 AND "refundedFen" >= 0 AND "refundedFen" <= "amountFen"),
  ADD CONSTRAINT "Payment_has_subject" CHECK ("milestoneId" IS NOT NULL OR "consultationId" IS NOT NULL);

ALTER TABLE "Consultation"
  ADD CONSTRAINT "Consultation_values" CHECK ("priceFen" >= 0 AND "minutes" > 0);

ALTER TABLE "Target"
  ADD CONSTRAINT "Target_scope_area" CHECK (("scope" = 'DISTRICT' AND "areaId" IS NULL) OR ("scope" = 'AREA' AND "areaId" IS NOT NULL)),
  ADD CONSTRAINT "Target_value_nonnegative" CHECK ("value" >= 0);

ALTER TABLE "RateLimit"
  ADD CONSTRAINT "RateLimit_count_nonnegative" CHECK ("count" >= 0);

ALTER TABLE "Job"
  ADD CONSTRAINT "Job_attempts_nonnegative" CHECK ("attempts" >= 0 AND "maxAttempts" >= 1);

-- One live job per dedupe key: an entity's pending reindex is enqueued once.
CREATE UNIQUE INDEX "Job_dedupeKey_pending_key" ON "Job" ("dedupeKey") WHERE "status" = 'PENDING' AND "dedupeKey" IS NOT NULL;
