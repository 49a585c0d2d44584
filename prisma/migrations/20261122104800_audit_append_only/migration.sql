-- The audit log and the stage history are append-only: the database itself refuses to change or remove a row,
-- whatever code runs against it.
CREATE FUNCTION tandem_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_change();

CREATE TRIGGER "StageChange_append_only" BEFORE UPDATE OR DELETE ON "StageChange"
  FOR EACH ROW EXECUTE FUNCTION tandem_refuse_change();
