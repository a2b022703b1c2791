-- CreateTable
CREATE TABLE "ListingVector" (
    "index" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "embedderId" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "vector" BYTEA NOT NULL,
    "words" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingVector_pkey" PRIMARY KEY ("index","recordId","embedderId")
);
