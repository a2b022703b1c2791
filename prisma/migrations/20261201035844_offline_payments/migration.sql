-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "bankAccountName" TEXT,
ADD COLUMN     "bankAccountNumber" TEXT,
ADD COLUMN     "bankName" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "remittedAt" TIMESTAMP(3),
ADD COLUMN     "remittedById" TEXT,
ADD COLUMN     "remittedOn" DATE;
