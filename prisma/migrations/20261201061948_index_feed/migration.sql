-- CreateTable
CREATE TABLE "IndexChange" (
    "id" BIGSERIAL NOT NULL,
    "position" BIGINT,
    "index" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndexChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppProcess" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "engine" TEXT NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppProcess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndexChange_position_key" ON "IndexChange"("position");

-- CreateIndex
CREATE INDEX "AppProcess_heartbeatAt_idx" ON "AppProcess"("heartbeatAt");

-- Commit order of index changes: the sequencer (one at a time, under an advisory lock) numbers
-- the committed, unnumbered rows from this sequence.
CREATE SEQUENCE "IndexChange_position_seq";
CREATE INDEX "IndexChange_unsequenced" ON "IndexChange"("id") WHERE "position" IS NULL;
