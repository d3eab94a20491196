-- Distribution: operator settings, buyer→promoter bindings, commissions, withdrawals.

-- Where an order came from, for attribution and fraud checks (recorded by the orders module).
ALTER TABLE orders ADD COLUMN device_id text, ADD COLUMN client_ip text;

-- One row: the operator's current rules. Missing row = the defaults from the environment.
CREATE TABLE distribution_settings (
  id              integer PRIMARY KEY CHECK (id = 1),
  max_levels      integer   NOT NULL CHECK (max_levels BETWEEN 1 AND 3),
  rates_bps       integer[] NOT NULL,
  attribution     text      NOT NULL CHECK (attribution IN ('first_binding', 'last_click')),
  binding_days    integer   CHECK (binding_days IS NULL OR binding_days > 0),
  new_users_only  boolean   NOT NULL,
  cap_bps         integer   NOT NULL CHECK (cap_bps BETWEEN 0 AND 10000),
  min_withdrawal  bigint    NOT NULL CHECK (min_withdrawal > 0),
  updated_at      timestamptz NOT NULL
);

CREATE TABLE bindings (
  buyer_id     text PRIMARY KEY REFERENCES users (id),
  promoter_id  text        NOT NULL REFERENCES users (id) CHECK (promoter_id <> buyer_id),
  origin_type  text        NOT NULL,          -- share_link | store
  origin_ref   text        NOT NULL,          -- the share code or store slug
  order_id     text,                          -- the order that created the binding
  bound_at     timestamptz NOT NULL,
  expires_at   timestamptz
);
CREATE INDEX bindings_promoter ON bindings (promoter_id, bound_at DESC);

CREATE TABLE commissions (
  id            text PRIMARY KEY,
  order_id      text        NOT NULL REFERENCES orders (id),
  promoter_id   text        NOT NULL REFERENCES users (id),
  buyer_id      text        NOT NULL REFERENCES users (id),
  level         integer     NOT NULL CHECK (level BETWEEN 1 AND 3),
  base_amount   bigint      NOT NULL CHECK (base_amount >= 0),
  rate_bps      integer     NOT NULL,
  amount        bigint      NOT NULL CHECK (amount > 0),
  status        text        NOT NULL CHECK (status IN ('pending', 'settled', 'reversed')),
  hold_reason   text,                         -- set when held for review (fraud signals)
  settle_after  timestamptz,                  -- set when the order completes: + return window
  created_at    timestamptz NOT NULL,
  settled_at    timestamptz,
  reversed_at   timestamptz,
  -- A commission is earned at most once per order and level.
  UNIQUE (order_id, level)
);
CREATE INDEX commissions_promoter ON commissions (promoter_id, id DESC);
CREATE INDEX commissions_due ON commissions (settle_after) WHERE status = 'pending' AND hold_reason IS NULL;
CREATE INDEX commissions_held ON commissions (id) WHERE hold_reason IS NOT NULL AND status = 'pending';

CREATE TABLE withdrawals (
  id           text PRIMARY KEY,
  user_id      text        NOT NULL REFERENCES users (id),
  amount       bigint      NOT NULL CHECK (amount > 0),
  status       text        NOT NULL CHECK (status IN ('requested', 'paid', 'rejected')),
  note         text        NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  decided_at   timestamptz,
  decided_by   text
);
CREATE INDEX withdrawals_user ON withdrawals (user_id, id DESC);
CREATE INDEX withdrawals_status ON withdrawals (status, id DESC);

-- Devices and addresses a signed-in person was seen using, for the self-dealing check.
CREATE TABLE device_sightings (
  user_id    text        NOT NULL,
  device_id  text        NOT NULL DEFAULT '',
  ip         text        NOT NULL DEFAULT '',
  seen_at    timestamptz NOT NULL,
  PRIMARY KEY (user_id, device_id, ip)
);
CREATE INDEX device_sightings_device ON device_sightings (device_id, seen_at) WHERE device_id <> '';
CREATE INDEX device_sightings_ip ON device_sightings (ip, seen_at);
