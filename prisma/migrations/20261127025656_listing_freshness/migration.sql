-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "staleRemindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ResearchResult" ADD COLUMN     "staleRemindedAt" TIMESTAMP(3);
