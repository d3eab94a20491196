-- The analytics module: an append-only log of what people did, read models fed by domain events,
-- and daily rollups refreshed by a job. It reads no other module's tables.

-- One row per thing that happened. `subject` is what it happened to (a link code, an order, a group);
-- `dedupe_key` makes a reaction that runs twice (jobs retry) record once. Never updated or deleted.
CREATE TABLE analytics_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text        NOT NULL,
  occurred_at timestamptz NOT NULL,
  user_id     text,
  device_id   text,
  subject     text,
  channel     text        NOT NULL DEFAULT 'direct',
  amount      bigint      NOT NULL DEFAULT 0,
  dedupe_key  text
);
CREATE UNIQUE INDEX analytics_events_dedupe ON analytics_events (dedupe_key) WHERE dedupe_key IS NOT NULL;
-- The funnel reads one kind over a period (link openings by device).
CREATE INDEX analytics_events_by_kind ON analytics_events (kind, occurred_at);

-- Paid orders as analytics counts them: one row per order, its refunds added up, its channel and
-- place in the buyer's history (1 = first paid order), and the level-1 promoter it was attributed to.
CREATE TABLE analytics_orders (
  order_id        text PRIMARY KEY,
  user_id         text        NOT NULL,
  paid_at         timestamptz NOT NULL,
  total           bigint      NOT NULL CHECK (total >= 0),
  refunded_amount bigint      NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  channel         text        NOT NULL,
  first_order     boolean     NOT NULL,
  promoter_id     text,
  device_id       text
);
CREATE INDEX analytics_orders_by_paid ON analytics_orders (paid_at);
CREATE INDEX analytics_orders_by_user ON analytics_orders (user_id, paid_at);

-- Commissions earned, for the payout side of the overview; shrunk with their order's refunds.
CREATE TABLE analytics_commissions (
  commission_id text PRIMARY KEY,
  order_id      text        NOT NULL,
  promoter_id   text        NOT NULL,
  level         smallint    NOT NULL,
  amount        bigint      NOT NULL CHECK (amount >= 0),
  earned_at     timestamptz NOT NULL
);
CREATE INDEX analytics_commissions_by_order ON analytics_commissions (order_id);
CREATE INDEX analytics_commissions_by_earned ON analytics_commissions (earned_at);

-- Who signed up, when, from which device (the redirect's cookie) and invited by whom.
CREATE TABLE analytics_people (
  user_id      text PRIMARY KEY,
  signed_up_at timestamptz NOT NULL,
  device_id    text,
  invited_by   text
);
CREATE INDEX analytics_people_by_device ON analytics_people (device_id) WHERE device_id IS NOT NULL;
CREATE INDEX analytics_people_by_inviter ON analytics_people (invited_by, signed_up_at) WHERE invited_by IS NOT NULL;

-- Events counted per day, kind and channel (UTC days), added to by the rollup job from the log.
CREATE TABLE analytics_daily (
  day     date   NOT NULL,
  kind    text   NOT NULL,
  channel text   NOT NULL,
  events  bigint NOT NULL DEFAULT 0,
  amount  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, kind, channel)
);

-- How far the rollup has read the log: the last event id it added.
CREATE TABLE analytics_rollup_cursor (
  id            integer PRIMARY KEY CHECK (id = 1),
  last_event_id bigint NOT NULL DEFAULT 0
);
INSERT INTO analytics_rollup_cursor (id, last_event_id) VALUES (1, 0);
