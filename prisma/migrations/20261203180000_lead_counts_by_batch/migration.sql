-- The batch path (lib/leads/bulk.ts) adds its new leads to "LeadCount" itself, late in its transaction together with
-- the funnel counts, instead of through this trigger at its lead insert: count rows locked at the insert stayed locked
-- for the rest of the batch's writes, and concurrent batches queued on them. It says so with a transaction-local
-- setting that it sets just before its lead insert and clears in the statement that adds the counts. Every other
-- write of leads (and every update and delete, batch or not) is counted here as before.
CREATE OR REPLACE FUNCTION tandem_lead_counts() RETURNS trigger AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT stage, source, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT stage, source, -1 AS sign FROM removed'
    ELSE 'SELECT stage, source, 1 AS sign FROM added UNION ALL SELECT stage, source, -1 FROM removed' END;
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('tandem.lead_counts_by_caller', true) = 'on' THEN
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO "LeadCount" AS c (stage, source, leads)
    SELECT stage, source, sum(sign) FROM (%s) d GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT (stage, source) DO UPDATE SET leads = c.leads + EXCLUDED.leads$sql$, delta);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
