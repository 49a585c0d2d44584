-- AlterTable
ALTER TABLE "SourceTouch" ADD COLUMN     "webFormId" TEXT;

-- CreateTable
CREATE TABLE "WebForm" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "origins" TEXT[],
    "thankYouUrl" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WebForm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebForm_campaignId_key" ON "WebForm"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "WebForm_token_key" ON "WebForm"("token");

-- AddForeignKey
ALTER TABLE "SourceTouch" ADD CONSTRAINT "SourceTouch_webFormId_fkey" FOREIGN KEY ("webFormId") REFERENCES "WebForm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebForm" ADD CONSTRAINT "WebForm_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebForm" ADD CONSTRAINT "WebForm_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
