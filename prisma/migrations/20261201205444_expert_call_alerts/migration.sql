-- AlterTable
ALTER TABLE "Expert" ADD COLUMN     "callAlerts" BOOLEAN NOT NULL DEFAULT false;
