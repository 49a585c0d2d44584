-- Invariants the database keeps even if application code is wrong:
-- exactly one active lead definition at a time, at most one version being drafted or proposed,
-- and at most one pending handover per lead.
CREATE UNIQUE INDEX "LeadDefinition_one_active" ON "LeadDefinition" ((true)) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX "LeadDefinition_one_open" ON "LeadDefinition" ((true)) WHERE status IN ('DRAFT', 'PROPOSED');
CREATE UNIQUE INDEX "Handover_one_pending_per_lead" ON "Handover" ("leadId") WHERE status = 'PENDING';
-- Handovers and touches are history too.
CREATE TRIGGER "Touch_append_only" BEFORE UPDATE OR DELETE ON "Touch"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_change();
