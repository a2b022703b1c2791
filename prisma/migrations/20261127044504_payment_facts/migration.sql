-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "canceledAt" TIMESTAMP(3),
ADD COLUMN     "disputeStatus" TEXT,
ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "requestedById" TEXT;
