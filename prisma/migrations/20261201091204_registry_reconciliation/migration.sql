-- CreateEnum
CREATE TYPE "ReconciliationAction" AS ENUM ('ACCEPTED', 'FLAGGED');

-- CreateTable
CREATE TABLE "RegistryRecord" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "registrationNumber" TEXT NOT NULL,
    "type" "ContractType" NOT NULL,
    "projectName" TEXT NOT NULL,
    "buyerName" TEXT NOT NULL,
    "buyerCreditCode" TEXT,
    "buyerRegionCode" TEXT NOT NULL,
    "sellerName" TEXT NOT NULL,
    "sellerCreditCode" TEXT,
    "sellerRegionCode" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "techAmountFen" BIGINT NOT NULL,
    "signedOn" DATE NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "cells" JSONB NOT NULL,

    CONSTRAINT "RegistryRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationDecision" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "registrationNumber" TEXT NOT NULL,
    "action" "ReconciliationAction" NOT NULL,
    "note" TEXT,
    "decidedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegistryRecord_batchId_registeredAt_idx" ON "RegistryRecord"("batchId", "registeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryRecord_batchId_registrationNumber_key" ON "RegistryRecord"("batchId", "registrationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationDecision_batchId_registrationNumber_key" ON "ReconciliationDecision"("batchId", "registrationNumber");

-- AddForeignKey
ALTER TABLE "RegistryRecord" ADD CONSTRAINT "RegistryRecord_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationDecision" ADD CONSTRAINT "ReconciliationDecision_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationDecision" ADD CONSTRAINT "ReconciliationDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
