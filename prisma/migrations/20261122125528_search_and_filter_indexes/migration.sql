-- Indexes found with `npm run bench` (a million leads): see README, "Benchmarks".
-- The trigram indexes serve the leads search, "contains" (ILIKE '%text%') on a lead's name and email and its company's
-- name; pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may install it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "StageChange_toStage_at_idx";

-- CreateIndex
CREATE INDEX "Company_name_idx" ON "Company" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "FunnelRollup_repId_day_idx" ON "FunnelRollup"("repId", "day");

-- CreateIndex
CREATE INDEX "FunnelRollup_campaignId_day_idx" ON "FunnelRollup"("campaignId", "day");

-- CreateIndex
CREATE INDEX "Lead_source_id_idx" ON "Lead"("source", "id");

-- CreateIndex
CREATE INDEX "Lead_name_idx" ON "Lead" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_email_idx" ON "Lead" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "StageChange_toStage_at_leadId_repId_idx" ON "StageChange"("toStage", "at", "leadId", "repId");
