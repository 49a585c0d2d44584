-- CreateTable
CREATE TABLE "LeadCount" (
    "stage" "Stage" NOT NULL,
    "source" "LeadSource" NOT NULL,
    "leads" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LeadCount_pkey" PRIMARY KEY ("stage","source")
);

-- Every statement's leads added (inserted, new side of an update) or taken away (deleted, old side), per stage and
-- source, as the rollups are kept (see dashboard_rollups). Updates that change neither add nothing.
CREATE FUNCTION tandem_lead_counts() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT stage, source, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT stage, source, -1 AS sign FROM removed'
    ELSE 'SELECT stage, source, 1 AS sign FROM added UNION ALL SELECT stage, source, -1 FROM removed' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "LeadCount" AS c (stage, source, leads)
    SELECT stage, source, sum(sign) FROM (%s) d GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT (stage, source) DO UPDATE SET leads = c.leads + EXCLUDED.leads$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

INSERT INTO "LeadCount" (stage, source, leads) SELECT stage, source, count(*) FROM "Lead" GROUP BY 1, 2;

CREATE TRIGGER "Lead_counts_insert" AFTER INSERT ON "Lead" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_counts();
CREATE TRIGGER "Lead_counts_update" AFTER UPDATE ON "Lead" REFERENCING NEW TABLE AS added OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_counts();
CREATE TRIGGER "Lead_counts_delete" AFTER DELETE ON "Lead" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_counts();
