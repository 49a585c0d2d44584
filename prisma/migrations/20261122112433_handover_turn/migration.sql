-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "turn" SERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "Handover_toUserId_turn_idx" ON "Handover"("toUserId", "turn");
