-- AlterTable
ALTER TABLE "ListingVector" ADD COLUMN     "primaryTokens" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "primaryWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tokens" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "ListingVector_index_recordId_idx" ON "ListingVector"("index", "recordId");
