-- CreateEnum
CREATE TYPE "HelpRequestKind" AS ENUM ('CONTENT', 'VALUE_PROPOSITION', 'NURTURE_CAMPAIGN');

-- CreateEnum
CREATE TYPE "HelpRequestStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED');

-- CreateTable
CREATE TABLE "PulseAnswer" (
    "id" TEXT NOT NULL,
    "repId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "usefulness" INTEGER NOT NULL,
    "support" INTEGER NOT NULL,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PulseAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "kind" "HelpRequestKind" NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "accounts" TEXT[],
    "dueDate" DATE NOT NULL,
    "status" "HelpRequestStatus" NOT NULL DEFAULT 'OPEN',
    "deliveryUrl" TEXT,
    "takenAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "clientKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Story" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "DefinitionStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "proposedAt" TIMESTAMP(3),
    "proposedById" TEXT,
    "activatedAt" TIMESTAMP(3),
    "activatedVia" TEXT,
    "activatedById" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorySignature" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "userId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StorySignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PulseAnswer_month_idx" ON "PulseAnswer"("month");

-- CreateIndex
CREATE UNIQUE INDEX "PulseAnswer_repId_month_key" ON "PulseAnswer"("repId", "month");

-- CreateIndex
CREATE INDEX "HelpRequest_status_dueDate_idx" ON "HelpRequest"("status", "dueDate");

-- CreateIndex
CREATE INDEX "HelpRequest_requesterId_createdAt_idx" ON "HelpRequest"("requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_assigneeId_status_idx" ON "HelpRequest"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "HelpRequest_createdAt_idx" ON "HelpRequest"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HelpRequest_requesterId_clientKey_key" ON "HelpRequest"("requesterId", "clientKey");

-- CreateIndex
CREATE UNIQUE INDEX "Story_version_key" ON "Story"("version");

-- CreateIndex
CREATE INDEX "Story_status_idx" ON "Story"("status");

-- CreateIndex
CREATE UNIQUE INDEX "StorySignature_storyId_side_key" ON "StorySignature"("storyId", "side");

-- AddForeignKey
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_repId_fkey" FOREIGN KEY ("repId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorySignature" ADD CONSTRAINT "StorySignature_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorySignature" ADD CONSTRAINT "StorySignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants the database keeps even if application code is wrong: answers on the 1-5 scale, on a month's first
-- day; exactly one active story and at most one being drafted or proposed, as for the lead definition.
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_usefulness_scale" CHECK ("usefulness" BETWEEN 1 AND 5);
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_support_scale" CHECK ("support" BETWEEN 1 AND 5);
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_month_first_day" CHECK (EXTRACT(DAY FROM "month") = 1);
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_delivered_has_link" CHECK ("status" <> 'DELIVERED' OR "deliveryUrl" IS NOT NULL);
CREATE UNIQUE INDEX "Story_one_active" ON "Story" ((true)) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX "Story_one_open" ON "Story" ((true)) WHERE status IN ('DRAFT', 'PROPOSED');
