-- AlterTable
ALTER TABLE "StageChange" ADD COLUMN     "repId" TEXT;

-- CreateTable
CREATE TABLE "FunnelRollup" (
    "day" DATE NOT NULL,
    "stage" "Stage" NOT NULL,
    "source" "LeadSource" NOT NULL,
    "campaignId" TEXT NOT NULL DEFAULT '',
    "repId" TEXT NOT NULL DEFAULT '',
    "entered" INTEGER NOT NULL DEFAULT 0,
    "advanced" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(16,2) NOT NULL DEFAULT 0,

    CONSTRAINT "FunnelRollup_pkey" PRIMARY KEY ("day","stage","source","campaignId","repId")
);

-- CreateIndex
CREATE INDEX "FunnelRollup_stage_day_idx" ON "FunnelRollup"("stage", "day");

-- CreateIndex
CREATE INDEX "StageChange_leadId_toStage_at_idx" ON "StageChange"("leadId", "toStage", "at");
