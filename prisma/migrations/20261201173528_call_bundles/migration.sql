-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "bundleId" TEXT;

-- CreateTable
CREATE TABLE "CallBundle" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallBundle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CallBundle_campaignId_idx" ON "CallBundle"("campaignId");

-- CreateIndex
CREATE INDEX "Call_bundleId_idx" ON "Call"("bundleId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "CallBundle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBundle" ADD CONSTRAINT "CallBundle_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBundle" ADD CONSTRAINT "CallBundle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
