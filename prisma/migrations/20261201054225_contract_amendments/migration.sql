-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('PROPOSED', 'REGISTERED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "ContractAmendment" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "techAmountFen" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedSide" "ContractSide" NOT NULL,
    "proposedById" TEXT NOT NULL,
    "buyerConfirmedById" TEXT,
    "buyerConfirmedAt" TIMESTAMP(3),
    "sellerConfirmedById" TEXT,
    "sellerConfirmedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContractAmendment_contractId_status_idx" ON "ContractAmendment"("contractId", "status");

-- AddForeignKey
ALTER TABLE "ContractAmendment" ADD CONSTRAINT "ContractAmendment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one open amendment per contract; amounts as on the contract itself.
CREATE UNIQUE INDEX "ContractAmendment_one_open" ON "ContractAmendment"("contractId") WHERE "status" = 'PROPOSED';
ALTER TABLE "ContractAmendment" ADD CONSTRAINT "ContractAmendment_amounts"
  CHECK ("amountFen" > 0 AND "techAmountFen" >= 0 AND "techAmountFen" <= "amountFen");
