-- Recommendations: the signals the recommender learns from, what each training precomputed, and
-- a record of every training. Product and user ids are kept as other modules hand them out (no
-- foreign keys into their tables): a product archived later is filtered out when served.

-- A product people buy again and again (tea, rice): shown to someone who bought it in the last 30
-- days too. The catalog owns the column; the recommender only reads it.
ALTER TABLE products ADD COLUMN repurchase boolean NOT NULL DEFAULT false;

-- Purchases (from the order.paid reaction), add-to-cart and product views (batched from the web app).
CREATE TABLE rec_events (
  id          bigserial PRIMARY KEY,
  user_id     text        NOT NULL,
  product_id  text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('purchase', 'cart', 'view')),
  -- The paid order of a purchase: a reaction that runs twice records it once.
  order_id    text,
  at          timestamptz NOT NULL,
  CHECK ((kind = 'purchase') = (order_id IS NOT NULL))
);
CREATE UNIQUE INDEX rec_events_purchase_once ON rec_events (order_id, product_id) WHERE kind = 'purchase';
CREATE INDEX rec_events_user ON rec_events (user_id, kind, at DESC);
-- A friend's recent purchases ("friends bought"): one range per friend.
CREATE INDEX rec_events_purchases_of ON rec_events (user_id, at DESC) WHERE kind = 'purchase';
CREATE INDEX rec_events_purchases ON rec_events (at DESC, user_id) WHERE kind = 'purchase';

-- Who counts as a person's friend (follows either way, invitations, bindings, one community), as
-- of the last refresh: "friends bought" is served from here and fresh purchases.
CREATE TABLE rec_friends (
  user_id    text NOT NULL,
  friend_id  text NOT NULL,
  PRIMARY KEY (user_id, friend_id)
);

-- Each person's best products from the last training, best first.
CREATE TABLE rec_user_candidates (
  user_id     text    NOT NULL,
  rank        integer NOT NULL,
  product_id  text    NOT NULL,
  score       real    NOT NULL,
  PRIMARY KEY (user_id, rank)
);

-- Products most often wanted with each product ("people also bought"), best first.
CREATE TABLE rec_item_neighbours (
  product_id   text    NOT NULL,
  rank         integer NOT NULL,
  neighbour_id text    NOT NULL,
  score        real    NOT NULL,
  PRIMARY KEY (product_id, rank)
);

-- Products by paid purchases in the last 30 days, as of the last refresh (the cold-start fallback).
CREATE TABLE rec_popular (
  rank        integer PRIMARY KEY,
  product_id  text    NOT NULL,
  buyers      integer NOT NULL
);

CREATE TABLE rec_trainings (
  id            text PRIMARY KEY,
  status        text        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  duration_ms   integer,
  -- The trained model's arrays and the worker's heap at its end.
  model_bytes   bigint,
  heap_bytes    bigint,
  model         text,
  users         integer,
  items         integer,
  interactions  integer,
  -- Offline figures on the shop's own held-out recent orders: { cutoff, k, testUsers, recall, popularRecall }.
  metrics       jsonb,
  error         text
);
CREATE INDEX rec_trainings_newest ON rec_trainings (started_at DESC);
