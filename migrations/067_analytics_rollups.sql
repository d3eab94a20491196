-- Analytics, the rest of the operator's dashboard (issue 17): what each paid order used (its share
-- link, coupon and group-buy campaign), share links' targets, and rollups the dashboard reads
-- instead of scanning the log. Still no other module's tables.

-- Filled by the paid-order reaction from the facts the composition root hands over.
ALTER TABLE analytics_orders
  ADD COLUMN share_code         text,
  ADD COLUMN coupon_template_id text,
  ADD COLUMN coupon_discount    bigint NOT NULL DEFAULT 0 CHECK (coupon_discount >= 0),
  ADD COLUMN group_campaign_id  text;
CREATE INDEX analytics_orders_by_promoter ON analytics_orders (promoter_id, paid_at) WHERE promoter_id IS NOT NULL;
CREATE INDEX analytics_orders_by_share_code ON analytics_orders (share_code) WHERE share_code IS NOT NULL;
-- Cohorts start from first orders of a period.
CREATE INDEX analytics_orders_first ON analytics_orders (paid_at) WHERE first_order;

-- A share link's target, from the share.created event: the products table of the dashboard.
CREATE TABLE analytics_links (
  code        text PRIMARY KEY,
  user_id     text        NOT NULL,
  target_type text        NOT NULL,
  target_id   text        NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX analytics_links_by_target ON analytics_links (target_type, target_id);

-- Per-link openings read by code over a period (top links, products by conversion).
CREATE INDEX analytics_events_by_subject ON analytics_events (kind, subject, occurred_at) WHERE subject IS NOT NULL;

-- Rollups refreshed by the analytics rollup job with analytics_daily (the same days recounted).
-- Each device's first link opening per day: the funnel's visitors over a period without the log.
CREATE TABLE analytics_daily_visits (
  day       date        NOT NULL,
  device_id text        NOT NULL,
  first_at  timestamptz NOT NULL,
  PRIMARY KEY (day, device_id)
);

-- Orders paid per day and channel ('*': the day over every channel), GMV net of refunds, distinct
-- buyers and first orders, and the part attributed to a promoter: the overview and the daily series.
CREATE TABLE analytics_daily_orders (
  day           date   NOT NULL,
  channel       text   NOT NULL,
  orders        bigint NOT NULL,
  gmv           bigint NOT NULL,
  buyers        bigint NOT NULL,
  new_buyers    bigint NOT NULL,
  shared_orders bigint NOT NULL,
  shared_gmv    bigint NOT NULL,
  PRIMARY KEY (day, channel)
);
