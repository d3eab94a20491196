-- The audit log, owned by the audit module: one row per operator action that changed money, stock,
-- prices, settings, roles or another person's data, written in the transaction of the change (so a
-- change that rolls back leaves no entry). `before`/`after` hold only the fields that changed.
-- Actors and targets are plain ids, not foreign keys: the log outlives what it names.
CREATE TABLE audit_log (
  id           text PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     text        NOT NULL,
  actor_role   text        NOT NULL,
  action       text        NOT NULL CHECK (length(action) BETWEEN 1 AND 80),
  target_type  text        NOT NULL CHECK (length(target_type) BETWEEN 1 AND 40),
  target_id    text        NOT NULL,
  before       jsonb,
  after        jsonb,
  request_id   text        NOT NULL
);
CREATE INDEX audit_log_newest ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC, id DESC);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, at DESC, id DESC);
CREATE INDEX audit_log_action ON audit_log (action, at DESC, id DESC);

-- Append-only: no UPDATE ever, and DELETE only by the retention purge, which says so with
-- `SET LOCAL fission.audit_purge = 'on'` in its own transaction. TRUNCATE is refused as well.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('fission.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The retention setting (days an entry is kept), one row.
CREATE TABLE audit_settings (
  id              integer PRIMARY KEY CHECK (id = 1),
  retention_days  integer NOT NULL CHECK (retention_days BETWEEN 30 AND 3650),
  updated_at      timestamptz NOT NULL
);
