-- CreateTable
CREATE TABLE "HandoverSpeedRollup" (
    "day" DATE NOT NULL,
    "source" "LeadSource" NOT NULL,
    "influenced" BOOLEAN NOT NULL,
    "band" INTEGER NOT NULL,
    "handovers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HandoverSpeedRollup_pkey" PRIMARY KEY ("day","source","influenced","band")
);

-- CreateTable
CREATE TABLE "HandoverSpeedWeekly" (
    "week" DATE NOT NULL,
    "source" "LeadSource" NOT NULL,
    "influenced" BOOLEAN NOT NULL,
    "band" INTEGER NOT NULL,
    "handovers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HandoverSpeedWeekly_pkey" PRIMARY KEY ("week","source","influenced","band")
);

-- The speed-to-lead duration bands: band i holds durations in [edge(i-1), edge(i)), band 0 those below the first edge.
-- The same edges as speedBandEdges() in lib/metrics/speed-query.ts (an integration test compares them).
CREATE FUNCTION tandem_speed_band(duration interval) RETURNS int AS $$
  SELECT width_bucket(duration, '{1000 milliseconds,1250 milliseconds,1563 milliseconds,1954 milliseconds,2443 milliseconds,3054 milliseconds,3818 milliseconds,4773 milliseconds,5967 milliseconds,7459 milliseconds,9324 milliseconds,11655 milliseconds,14569 milliseconds,18212 milliseconds,22765 milliseconds,28457 milliseconds,35572 milliseconds,44465 milliseconds,55582 milliseconds,69478 milliseconds,86848 milliseconds,108560 milliseconds,135700 milliseconds,169625 milliseconds,212032 milliseconds,265040 milliseconds,300000 milliseconds,331300 milliseconds,414125 milliseconds,517657 milliseconds,647072 milliseconds,808840 milliseconds,900000 milliseconds,1011050 milliseconds,1263813 milliseconds,1579767 milliseconds,1974709 milliseconds,2468387 milliseconds,3085484 milliseconds,3600000 milliseconds,3856855 milliseconds,4821069 milliseconds,6026337 milliseconds,7532922 milliseconds,9416153 milliseconds,11770192 milliseconds,14712740 milliseconds,18390925 milliseconds,22988657 milliseconds,28735822 milliseconds,35919778 milliseconds,44899723 milliseconds,56124654 milliseconds,70155818 milliseconds,86400000 milliseconds,87694773 milliseconds,109618467 milliseconds,137023084 milliseconds,171278855 milliseconds,214098569 milliseconds,267623212 milliseconds,334529015 milliseconds,418161269 milliseconds,522701587 milliseconds,653376984 milliseconds,816721230 milliseconds,1020901538 milliseconds,1276126923 milliseconds,1595158654 milliseconds,1993948318 milliseconds,2492435398 milliseconds,3115544248 milliseconds,3894430310 milliseconds,4868037888 milliseconds,6085047360 milliseconds,7606309200 milliseconds}'::interval[])
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

-- What a handover adds: one to its band under its creation day, source and campaign influence, once it has a first
-- touch and unless it was reassigned (as speed to lead counts them). Statement-level, as the other rollups.
CREATE FUNCTION tandem_handover_speed_rollup() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM removed'
    ELSE 'SELECT *, 1 AS sign FROM added UNION ALL SELECT *, -1 FROM removed' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "HandoverSpeedRollup" AS r (day, source, influenced, band, handovers)
    SELECT d."createdAt"::date, d.source, d."campaignId" IS NOT NULL, tandem_speed_band(d."firstTouchAt" - d."createdAt"), sum(sign)
    FROM (%s) d WHERE d."firstTouchAt" IS NOT NULL AND d.status <> 'REASSIGNED'
    GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, source, influenced, band) DO UPDATE SET handovers = r.handovers + EXCLUDED.handovers$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION tandem_handover_speed_weekly() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM removed'
    ELSE 'SELECT *, 1 AS sign FROM added UNION ALL SELECT *, -1 FROM removed' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "HandoverSpeedWeekly" AS r (week, source, influenced, band, handovers)
    SELECT date_trunc('week', day)::date, source, influenced, band, sum(sign * handovers)
    FROM (%s) d GROUP BY 1, 2, 3, 4 HAVING sum(sign * handovers) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (week, source, influenced, band) DO UPDATE SET handovers = r.handovers + EXCLUDED.handovers$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

INSERT INTO "HandoverSpeedRollup" (day, source, influenced, band, handovers)
SELECT h."createdAt"::date, h.source, h."campaignId" IS NOT NULL, tandem_speed_band(h."firstTouchAt" - h."createdAt"), count(*)
FROM "Handover" h WHERE h."firstTouchAt" IS NOT NULL AND h.status <> 'REASSIGNED' GROUP BY 1, 2, 3, 4;

INSERT INTO "HandoverSpeedWeekly" (week, source, influenced, band, handovers)
SELECT date_trunc('week', day)::date, source, influenced, band, sum(handovers) FROM "HandoverSpeedRollup" GROUP BY 1, 2, 3, 4;

CREATE TRIGGER "Handover_to_speed_insert" AFTER INSERT ON "Handover" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_speed_rollup();
CREATE TRIGGER "Handover_to_speed_update" AFTER UPDATE ON "Handover" REFERENCING NEW TABLE AS added OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_speed_rollup();
CREATE TRIGGER "Handover_to_speed_delete" AFTER DELETE ON "Handover" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_speed_rollup();

CREATE TRIGGER "HandoverSpeedRollup_to_weekly_insert" AFTER INSERT ON "HandoverSpeedRollup" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_speed_weekly();
CREATE TRIGGER "HandoverSpeedRollup_to_weekly_update" AFTER UPDATE ON "HandoverSpeedRollup" REFERENCING NEW TABLE AS added OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_speed_weekly();
CREATE TRIGGER "HandoverSpeedRollup_to_weekly_delete" AFTER DELETE ON "HandoverSpeedRollup" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_speed_weekly();

-- The duration index also carries the first touch, so reading a band in order never visits the handover rows.
DROP INDEX "Handover_speed_order_idx";
CREATE INDEX "Handover_speed_order_idx" ON "Handover" (("firstTouchAt" - "createdAt"))
  INCLUDE ("createdAt", "firstTouchAt", status, source, "campaignId", "toUserId") WHERE "firstTouchAt" IS NOT NULL;
