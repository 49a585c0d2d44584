-- CreateTable
CREATE TABLE "FunnelSourceWeekly" (
    "week" DATE NOT NULL,
    "stage" "Stage" NOT NULL,
    "source" "LeadSource" NOT NULL,
    "influenced" BOOLEAN NOT NULL,
    "entered" INTEGER NOT NULL DEFAULT 0,
    "advanced" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "cycleMs" BIGINT NOT NULL DEFAULT 0,
    "cycles" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FunnelSourceWeekly_pkey" PRIMARY KEY ("week","stage","source","influenced")
);

-- CreateTable
CREATE TABLE "HandoverWeekly" (
    "week" DATE NOT NULL,
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

    CONSTRAINT "HandoverWeekly_pkey" PRIMARY KEY ("week","source","influenced","status","reasonCode","reasonLabel")
);

-- The weekly tables follow the daily ones exactly as those follow theirs (see dashboard_rollups): statement-level
-- triggers with transition tables, each statement's rows added or taken away under their ISO week (PostgreSQL's
-- date_trunc('week') is the Monday).
CREATE FUNCTION tandem_funnel_source_weekly() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM removed'
    ELSE 'SELECT *, 1 AS sign FROM added UNION ALL SELECT *, -1 FROM removed' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "FunnelSourceWeekly" AS r (week, stage, source, influenced, entered, advanced, amount, "cycleMs", cycles)
    SELECT date_trunc('week', day)::date, stage, source, influenced, sum(sign * entered), sum(sign * advanced), sum(sign * amount),
           sum(sign * "cycleMs"), sum(sign * cycles)
    FROM (%s) d GROUP BY 1, 2, 3, 4
    HAVING sum(sign * entered) <> 0 OR sum(sign * advanced) <> 0 OR sum(sign * amount) <> 0 OR sum(sign * "cycleMs") <> 0 OR sum(sign * cycles) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (week, stage, source, influenced) DO UPDATE SET
      entered = r.entered + EXCLUDED.entered, advanced = r.advanced + EXCLUDED.advanced, amount = r.amount + EXCLUDED.amount,
      "cycleMs" = r."cycleMs" + EXCLUDED."cycleMs", cycles = r.cycles + EXCLUDED.cycles$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

INSERT INTO "FunnelSourceWeekly" (week, stage, source, influenced, entered, advanced, amount, "cycleMs", cycles)
SELECT date_trunc('week', day)::date, stage, source, influenced, sum(entered), sum(advanced), sum(amount), sum("cycleMs"), sum(cycles)
FROM "FunnelSourceRollup" GROUP BY 1, 2, 3, 4;

CREATE TRIGGER "FunnelSourceRollup_to_weekly_insert" AFTER INSERT ON "FunnelSourceRollup" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_funnel_source_weekly();
CREATE TRIGGER "FunnelSourceRollup_to_weekly_update" AFTER UPDATE ON "FunnelSourceRollup" REFERENCING NEW TABLE AS added OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_funnel_source_weekly();
CREATE TRIGGER "FunnelSourceRollup_to_weekly_delete" AFTER DELETE ON "FunnelSourceRollup" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_funnel_source_weekly();

CREATE FUNCTION tandem_handover_weekly() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM removed'
    ELSE 'SELECT *, 1 AS sign FROM added UNION ALL SELECT *, -1 FROM removed' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "HandoverWeekly" AS r (week, source, influenced, status, "reasonCode", "reasonLabel", handovers, "answeredInTime", "answeredLate",
                                       "unansweredClosed", upheld, reassigned)
    SELECT date_trunc('week', day)::date, source, influenced, status, "reasonCode", "reasonLabel", sum(sign * handovers),
           sum(sign * "answeredInTime"), sum(sign * "answeredLate"), sum(sign * "unansweredClosed"), sum(sign * upheld), sum(sign * reassigned)
    FROM (%s) d GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (week, source, influenced, status, "reasonCode", "reasonLabel") DO UPDATE SET
      handovers = r.handovers + EXCLUDED.handovers, "answeredInTime" = r."answeredInTime" + EXCLUDED."answeredInTime",
      "answeredLate" = r."answeredLate" + EXCLUDED."answeredLate", "unansweredClosed" = r."unansweredClosed" + EXCLUDED."unansweredClosed",
      upheld = r.upheld + EXCLUDED.upheld, reassigned = r.reassigned + EXCLUDED.reassigned$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

INSERT INTO "HandoverWeekly" (week, source, influenced, status, "reasonCode", "reasonLabel", handovers, "answeredInTime", "answeredLate",
                              "unansweredClosed", upheld, reassigned)
SELECT date_trunc('week', day)::date, source, influenced, status, "reasonCode", "reasonLabel", sum(handovers), sum("answeredInTime"),
       sum("answeredLate"), sum("unansweredClosed"), sum(upheld), sum(reassigned)
FROM "HandoverRollup" GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER "HandoverRollup_to_weekly_insert" AFTER INSERT ON "HandoverRollup" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_weekly();
CREATE TRIGGER "HandoverRollup_to_weekly_update" AFTER UPDATE ON "HandoverRollup" REFERENCING NEW TABLE AS added OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_weekly();
CREATE TRIGGER "HandoverRollup_to_weekly_delete" AFTER DELETE ON "HandoverRollup" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_handover_weekly();
