-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "deadlineRemindedAt" TIMESTAMP(3),
ADD COLUMN     "matchesSeenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailedAt" TIMESTAMP(3);
