-- AlterTable
ALTER TABLE "FunnelRollup" ADD COLUMN     "cycleMs" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "cycles" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "source" "LeadSource";

-- CreateTable
CREATE TABLE "FunnelSourceRollup" (
    "day" DATE NOT NULL,
    "stage" "Stage" NOT NULL,
    "source" "LeadSource" NOT NULL,
    "influenced" BOOLEAN NOT NULL,
    "entered" INTEGER NOT NULL DEFAULT 0,
    "advanced" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "cycleMs" BIGINT NOT NULL DEFAULT 0,
    "cycles" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FunnelSourceRollup_pkey" PRIMARY KEY ("day","stage","source","influenced")
);

-- CreateTable
CREATE TABLE "HandoverRollup" (
    "day" DATE NOT NULL,
    "source" "LeadSource" NOT NULL,
    "influenced" BOOLEAN NOT NULL,
    "status" "HandoverStatus" NOT NULL,
    "reasonCode" TEXT NOT NULL DEFAULT '',
    "reasonLabel" TEXT NOT NULL DEFAULT '',
    "handovers" INTEGER NOT NULL DEFAULT 0,
    "answeredInTime" INTEGER NOT NULL DEFAULT 0,
    "answeredLate" INTEGER NOT NULL DEFAULT 0,
    "unansweredClosed" INTEGER NOT NULL DEFAULT 0,
    "upheld" INTEGER NOT NULL DEFAULT 0,
    "reassigned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HandoverRollup_pkey" PRIMARY KEY ("day","source","influenced","status","reasonCode","reasonLabel")
);

-- CreateIndex
CREATE INDEX "Handover_campaignId_createdAt_idx" ON "Handover"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "Handover_source_createdAt_idx" ON "Handover"("source", "createdAt");

-- Speed to lead: the period's touched handovers counted by duration band from this index alone (no visit to the wide
-- handover rows), then the one duration at a percentile's rank found in duration order within its band.
CREATE INDEX "Handover_speed_to_lead_idx" ON "Handover" ("createdAt") INCLUDE ("firstTouchAt", status, source, "campaignId", "toUserId")
  WHERE "firstTouchAt" IS NOT NULL;
CREATE INDEX "Handover_speed_order_idx" ON "Handover" (("firstTouchAt" - "createdAt")) INCLUDE ("createdAt", status, source, "campaignId", "toUserId")
  WHERE "firstTouchAt" IS NOT NULL;

-- A handover carries its lead's source and campaign: filled from the lead when the handover is made ...
CREATE FUNCTION tandem_handover_lead_facts() RETURNS trigger AS $$
BEGIN
  SELECT l.source, l."campaignId" INTO NEW.source, NEW."campaignId" FROM "Lead" l WHERE l.id = NEW."leadId";
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Handover_lead_facts" BEFORE INSERT OR UPDATE OF "leadId" ON "Handover"
  FOR EACH ROW EXECUTE FUNCTION tandem_handover_lead_facts();

-- ... and following the lead when its campaign changes (a lead's source never changes).
CREATE FUNCTION tandem_lead_campaign_to_handovers() RETURNS trigger AS $$
BEGIN
  UPDATE "Handover" SET "campaignId" = NEW."campaignId" WHERE "leadId" = NEW.id AND "campaignId" IS DISTINCT FROM NEW."campaignId";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Lead_campaign_to_handovers" AFTER UPDATE OF "campaignId" ON "Lead"
  FOR EACH ROW WHEN (OLD."campaignId" IS DISTINCT FROM NEW."campaignId") EXECUTE FUNCTION tandem_lead_campaign_to_handovers();

UPDATE "Handover" h SET source = l.source, "campaignId" = l."campaignId" FROM "Lead" l WHERE l.id = h."leadId";

-- FunnelSourceRollup follows FunnelRollup: each statement's rows are added (inserted, or the new side of an update)
-- or taken away (deleted, or the old side), grouped by the coarser key. Statement-level triggers with transition
-- tables: a rebuild of most of a million rows is one grouped upsert, a single stage change one small one. A transition
-- table serves one event only, so each event has its own trigger; the shared body picks the tables that exist.
CREATE FUNCTION tandem_funnel_source_rollup() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM removed'
    ELSE 'SELECT *, 1 AS sign FROM added UNION ALL SELECT *, -1 FROM removed' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "FunnelSourceRollup" AS r (day, stage, source, influenced, entered, advanced, amount, "cycleMs", cycles)
    SELECT day, stage, source, "campaignId" <> '', sum(sign * entered), sum(sign * advanced), sum(sign * amount), sum(sign * "cycleMs"), sum(sign * cycles)
    FROM (%s) d GROUP BY 1, 2, 3, 4
    HAVING sum(sign * entered) <> 0 OR sum(sign * advanced) <> 0 OR sum(sign * amount) <> 0 OR sum(sign * "cycleMs") <> 0 OR sum(sign * cycles) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, stage, source, influenced) DO UPDATE SET
      entered = r.entered + EXCLUDED.entered, advanced = r.advanced + EXCLUDED.advanced, amount = r.amount + EXCLUDED.amount,
      "cycleMs" = r."cycleMs" + EXCLUDED."cycleMs", cycles = r.cycles + EXCLUDED.cycles$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The rollup as it stands, counted once before its triggers take over.
INSERT INTO "FunnelSourceRollup" (day, stage, source, influenced, entered, advanced, amount)
SELECT day, stage, source, "campaignId" <> '', sum(entered), sum(advanced), sum(amount) FROM "FunnelRollup" GROUP BY 1, 2, 3, 4;

CREATE TRIGGER "FunnelRollup_to_source_insert" AFTER INSERT ON "FunnelRollup" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_funnel_source_rollup();
CREATE TRIGGER "FunnelRollup_to_source_update" AFTER UPDATE ON "FunnelRollup" REFERENCING NEW TABLE AS added OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_funnel_source_rollup();
CREATE TRIGGER "FunnelRollup_to_source_delete" AFTER DELETE ON "FunnelRollup" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_funnel_source_rollup();

-- HandoverRollup follows Handover the same way. What a handover contributes (see the model's comment): one to
-- "handovers" under its day, source, campaign influence, status and reason, and one to each count whose condition
-- it meets. PENDING handovers count only in "handovers": the dashboards split them into overdue and in time when read.
CREATE FUNCTION tandem_handover_rollup() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM removed'
    ELSE 'SELECT *, 1 AS sign FROM added UNION ALL SELECT *, -1 FROM removed' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "HandoverRollup" AS r (day, source, influenced, status, "reasonCode", "reasonLabel", handovers, "answeredInTime", "answeredLate",
                                       "unansweredClosed", upheld, reassigned)
    SELECT d."createdAt"::date, d.source, d."campaignId" IS NOT NULL, d.status, coalesce(d."reasonCode", ''), coalesce(d."reasonLabel", ''),
           sum(sign),
           coalesce(sum(sign) FILTER (WHERE d."respondedAt" IS NOT NULL AND d."respondedAt" <= d."dueAt"), 0),
           coalesce(sum(sign) FILTER (WHERE d."respondedAt" IS NOT NULL AND d."respondedAt" > d."dueAt"), 0),
           coalesce(sum(sign) FILTER (WHERE d."respondedAt" IS NULL AND d.status <> 'PENDING'), 0),
           coalesce(sum(sign) FILTER (WHERE d.resolution = 'UPHELD'), 0),
           coalesce(sum(sign) FILTER (WHERE d.resolution = 'REASSIGNED'), 0)
    FROM (%s) d GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, source, influenced, status, "reasonCode", "reasonLabel") DO UPDATE SET
      handovers = r.handovers + EXCLUDED.handovers,
      "answeredInTime" = r."answeredInTime" + EXCLUDED."answeredInTime",
      "answeredLate" = r."answeredLate" + EXCLUDED."answeredLate",
      "unansweredClosed" = r."unansweredClosed" + EXCLUDED."unansweredClosed",
      upheld = r.upheld + EXCLUDED.upheld, reassigned = r.reassigned + EXCLUDED.reassigned$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Handover_to_rollup_insert" AFTER INSERT ON "Handover" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_rollup();
CREATE TRIGGER "Handover_to_rollup_update" AFTER UPDATE ON "Handover" REFERENCING NEW TABLE AS added OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_rollup();
CREATE TRIGGER "Handover_to_rollup_delete" AFTER DELETE ON "Handover" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_rollup();

-- The existing history, counted once.
INSERT INTO "HandoverRollup" (day, source, influenced, status, "reasonCode", "reasonLabel", handovers, "answeredInTime", "answeredLate",
                              "unansweredClosed", upheld, reassigned)
SELECT h."createdAt"::date, h.source, h."campaignId" IS NOT NULL, h.status, coalesce(h."reasonCode", ''), coalesce(h."reasonLabel", ''), count(*),
       count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" <= h."dueAt"),
       count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" > h."dueAt"),
       count(*) FILTER (WHERE h."respondedAt" IS NULL AND h.status <> 'PENDING'),
       count(*) FILTER (WHERE h.resolution = 'UPHELD'), count(*) FILTER (WHERE h.resolution = 'REASSIGNED')
FROM "Handover" h GROUP BY 1, 2, 3, 4, 5, 6;

-- The sales cycle of the wins already recorded (lib/metrics/rollup.ts defines it): from the lead's last SAL before
-- each entry into WON. The triggers above carry it into FunnelSourceRollup.
UPDATE "FunnelRollup" r SET "cycleMs" = c.ms, cycles = c.n
FROM (
  SELECT w.at::date AS day, l.source, coalesce(l."campaignId", '') AS "campaignId", coalesce(w."repId", '') AS "repId",
         sum((extract(epoch FROM w.at - s.at) * 1000)::bigint) AS ms, count(*)::int AS n
  FROM "StageChange" w
  JOIN "Lead" l ON l.id = w."leadId"
  CROSS JOIN LATERAL (
    SELECT x.at FROM "StageChange" x WHERE x."leadId" = w."leadId" AND x."toStage" = 'SAL' AND (x.at, x.id) < (w.at, w.id)
    ORDER BY x.at DESC, x.id DESC LIMIT 1) s
  WHERE w."toStage" = 'WON'
  GROUP BY 1, 2, 3, 4
) c
WHERE r.day = c.day AND r.stage = 'WON' AND r.source = c.source AND r."campaignId" = c."campaignId" AND r."repId" = c."repId";
