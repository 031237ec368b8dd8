-- AlterTable
ALTER TABLE "RequestStat" ADD COLUMN     "rpcError" BOOLEAN NOT NULL DEFAULT false;
