-- AlterEnum
ALTER TYPE "OrgVerification" ADD VALUE 'MERGED';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "mergedIntoId" TEXT;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
