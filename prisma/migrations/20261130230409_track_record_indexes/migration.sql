-- CreateIndex
CREATE INDEX "Contract_resultId_idx" ON "Contract"("resultId");

-- CreateIndex
CREATE INDEX "Introduction_expertId_idx" ON "Introduction"("expertId");
