-- A lead's stage changes are found through ("leadId", "toStage", "at"): every query that reads them names the lead
-- (its history, a handful of rows sorted on read; the funnel's cohort and cycle look-ups, which name the stage too).
-- ("leadId", "at") served none of them better and cost every stage change an index entry.
DROP INDEX "StageChange_leadId_at_idx";
