-- CreateEnum
CREATE TYPE "ContractSide" AS ENUM ('BUYER', 'SELLER');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "termsVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ContractConfirmation" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "side" "ContractSide" NOT NULL,
    "termsVersion" INTEGER NOT NULL,
    "termsDigest" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContractConfirmation_contractId_side_termsVersion_key" ON "ContractConfirmation"("contractId", "side", "termsVersion");

-- AddForeignKey
ALTER TABLE "ContractConfirmation" ADD CONSTRAINT "ContractConfirmation_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractConfirmation" ADD CONSTRAINT "ContractConfirmation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
