-- CreateEnum
CREATE TYPE "IntroductionDirection" AS ENUM ('REQUEST', 'OFFER');

-- AlterTable
ALTER TABLE "Introduction" ADD COLUMN     "direction" "IntroductionDirection" NOT NULL DEFAULT 'REQUEST';
