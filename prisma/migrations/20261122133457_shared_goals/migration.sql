-- CreateEnum
CREATE TYPE "GoalMetric" AS ENUM ('PIPELINE_AMOUNT', 'WON_AMOUNT', 'SQLS', 'MQLS', 'MQL_ACCEPTANCE_RATE', 'MARKETING_SOURCED_SHARE', 'SLA_COMPLIANCE', 'SPEED_TO_LEAD');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('DRAFT', 'PROPOSED', 'AGREED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "GoalSide" AS ENUM ('SALES', 'MARKETING', 'CRO');

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "metric" "GoalMetric" NOT NULL,
    "target" DECIMAL(18,4) NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "source" "LeadSource",
    "campaignId" TEXT,
    "status" "GoalStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "requestKey" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "proposedAt" TIMESTAMP(3),
    "agreedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalSignature" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "side" "GoalSide" NOT NULL,
    "userId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "goalVersion" INTEGER NOT NULL,

    CONSTRAINT "GoalSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Goal_requestKey_key" ON "Goal"("requestKey");

-- CreateIndex
CREATE INDEX "Goal_status_periodStart_periodEnd_idx" ON "Goal"("status", "periodStart", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "GoalSignature_goalId_side_key" ON "GoalSignature"("goalId", "side");

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalSignature" ADD CONSTRAINT "GoalSignature_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalSignature" ADD CONSTRAINT "GoalSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A goal's period ends on or after the day it starts, and its target is never negative (a rule the form checks too).
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_period_check" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_target_check" CHECK ("target" >= 0);
