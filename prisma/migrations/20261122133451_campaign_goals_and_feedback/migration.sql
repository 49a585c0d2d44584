-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "goal" TEXT,
ADD COLUMN     "targetMqls" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "repId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Feedback_updatedAt_idx" ON "Feedback"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_campaignId_repId_key" ON "Feedback"("campaignId", "repId");

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_repId_fkey" FOREIGN KEY ("repId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The rules the server enforces, kept by the database too: a rating is 1 to 5, a campaign's target and budget are
-- never negative, and a campaign ends after it starts.
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_targetMqls_nonnegative" CHECK ("targetMqls" IS NULL OR "targetMqls" >= 0);
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_budget_nonnegative" CHECK ("budget" IS NULL OR "budget" >= 0);
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_ends_after_start" CHECK ("endsAt" IS NULL OR "endsAt" > "startsAt");
