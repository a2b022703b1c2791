-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'CHECKING';
