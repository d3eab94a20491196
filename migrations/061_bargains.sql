-- Bargains (砍价, "help me cut the price"): a person starts a bargain on an operator's campaign and
-- friends each cut the price once. The cut schedule is decided when the bargain starts, from a
-- stored seed (bargains/rules.ts), so the k-th help always takes cuts[k] and the floor is reached
-- exactly after helpers_needed helps. A help is one conditional UPDATE of the bargain's row
-- (helps < helpers_needed, not expired), backed by the CHECKs below.
CREATE TABLE bargain_campaigns (
  id                text        PRIMARY KEY,
  variant_id        text        NOT NULL,
  product_id        text        NOT NULL,
  floor_price       integer     NOT NULL CHECK (floor_price >= 0),
  helpers_needed    integer     NOT NULL CHECK (helpers_needed BETWEEN 2 AND 50),
  duration_minutes  integer     NOT NULL CHECK (duration_minutes BETWEEN 5 AND 43200),
  min_cut           integer     CHECK (min_cut >= 1),
  max_cut           integer     CHECK (max_cut >= 1),
  status            text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CONSTRAINT bargain_campaigns_cut_bounds CHECK (min_cut IS NULL OR max_cut IS NULL OR min_cut <= max_cut)
);

CREATE TABLE bargains (
  id              text        PRIMARY KEY,
  campaign_id     text        NOT NULL REFERENCES bargain_campaigns (id),
  user_id         text        NOT NULL,
  variant_id      text        NOT NULL,
  product_id      text        NOT NULL,
  start_price     integer     NOT NULL,
  floor_price     integer     NOT NULL,
  helpers_needed  integer     NOT NULL,
  seed            integer     NOT NULL,
  cuts            integer[]   NOT NULL,
  helps           integer     NOT NULL DEFAULT 0,
  price           integer     NOT NULL,
  device_id       text,
  order_id        text,
  expires_at      timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  CONSTRAINT bargains_helps_within_needed CHECK (helps BETWEEN 0 AND helpers_needed),
  CONSTRAINT bargains_price_within_floor CHECK (price BETWEEN floor_price AND start_price),
  CONSTRAINT bargains_schedule_length CHECK (cardinality(cuts) = helpers_needed)
);
CREATE INDEX bargains_by_starter ON bargains (user_id, campaign_id, created_at DESC);
-- One order at a time per bargain: a cancelled order clears it.
CREATE UNIQUE INDEX bargains_one_order ON bargains (order_id) WHERE order_id IS NOT NULL;

-- Each help, once per helper per bargain, in order (seq = which cut it took), with the signals of
-- an account that may have been made only to help; the operator reviews the flagged ones.
CREATE TABLE bargain_helps (
  bargain_id  text        NOT NULL REFERENCES bargains (id),
  helper_id   text        NOT NULL,
  seq         integer     NOT NULL CHECK (seq >= 1),
  cut         integer     NOT NULL CHECK (cut >= 1),
  device_id   text,
  signals     text[]      NOT NULL DEFAULT '{}',
  flagged     boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (bargain_id, helper_id),
  UNIQUE (bargain_id, seq)
);
CREATE INDEX bargain_helps_flagged ON bargain_helps (created_at DESC) WHERE flagged;
CREATE INDEX bargain_helps_by_device ON bargain_helps (bargain_id, device_id);
