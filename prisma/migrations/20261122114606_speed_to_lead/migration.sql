-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "firstTouchAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Handover_toUserId_createdAt_idx" ON "Handover"("toUserId", "createdAt");
