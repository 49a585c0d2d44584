-- A key's name says who is calling ("api-key:<name>" in the audit log): unique among keys that still work. A revoked
-- key keeps its name, so a replacement may reuse it.
CREATE UNIQUE INDEX "ApiKey_live_name" ON "ApiKey" ("name") WHERE "revokedAt" IS NULL;
-- Touches are history: never changed or removed.
CREATE TRIGGER "SourceTouch_append_only" BEFORE UPDATE OR DELETE ON "SourceTouch"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_change();
