-- AlterTable
ALTER TABLE "ListingVector" DROP CONSTRAINT "ListingVector_pkey",
ADD CONSTRAINT "ListingVector_pkey" PRIMARY KEY ("embedderId", "index", "recordId");
