-- The incentive simulator's runs (src/modules/simulator). A run lives in a worker thread of the
-- process that started it, which writes its progress here now and then, so any process can answer
-- GET /api/admin/simulations/:id. Cancelling marks the row failed ('cancelled') from any process;
-- the running one sees it at its next progress write and stops its worker. `heartbeat_at` lets a
-- reader tell a run whose process died (its row would otherwise say 'running' for ever).
CREATE TABLE simulations (
  id                text        PRIMARY KEY,
  status            text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  failure           text        CHECK (failure IN ('cancelled', 'error')),
  progress          real        NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  input             jsonb       NOT NULL,
  result            jsonb,
  created_by        text,
  created_at        timestamptz NOT NULL,
  heartbeat_at      timestamptz NOT NULL,
  finished_at       timestamptz,
  CONSTRAINT simulations_done_has_result CHECK ((status = 'done') = (result IS NOT NULL)),
  CONSTRAINT simulations_failed_has_failure CHECK ((status = 'failed') = (failure IS NOT NULL))
);
CREATE INDEX simulations_running ON simulations (heartbeat_at) WHERE status = 'running';
