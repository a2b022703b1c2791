-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'RUNNING';

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "file" BYTEA,
ADD COLUMN     "headerMapping" JSONB,
ADD COLUMN     "progress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "ImportBatch_organizationId_createdAt_idx" ON "ImportBatch"("organizationId", "createdAt");
