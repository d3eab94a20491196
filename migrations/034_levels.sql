-- Membership levels (issue 12). Growth is a ledger of postings, never an edited number: each
-- posting has a unique ref, so an event handled twice posts once. `earned_at` is when the growth
-- counted: a take-back carries the date of what it takes back, so a yearly window takes it from
-- the same period the order counted in.
CREATE TABLE growth_postings (
  id         text PRIMARY KEY,
  user_id    text NOT NULL,
  delta      bigint NOT NULL,
  reason     text NOT NULL,
  ref        text NOT NULL UNIQUE,
  -- For a take-back: the order whose growth it takes back (the sum taken back stays within it).
  order_id   text,
  earned_at  timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX growth_postings_user ON growth_postings (user_id, earned_at);
CREATE INDEX growth_postings_order ON growth_postings (order_id) WHERE order_id IS NOT NULL;

-- The operator's levels. Rank orders them; rank 1 at growth 0 always exists (seeded here, never deleted).
CREATE TABLE member_levels (
  rank                      integer PRIMARY KEY CHECK (rank >= 1),
  name                      text NOT NULL,
  threshold                 bigint NOT NULL CHECK (threshold >= 0),
  discount_bps              integer NOT NULL DEFAULT 0 CHECK (discount_bps BETWEEN 0 AND 10000),
  commission_multiplier_bps integer NOT NULL DEFAULT 10000 CHECK (commission_multiplier_bps BETWEEN 0 AND 100000),
  free_shipping             boolean NOT NULL DEFAULT false,
  monthly_coupon_template_id text,
  updated_at                timestamptz NOT NULL DEFAULT now(),
  CHECK (rank > 1 OR threshold = 0)
);
INSERT INTO member_levels (rank, name, threshold) VALUES (1, 'Member', 0);

-- Each person's level, stored: up at once when growth crosses a threshold, down only at a
-- re-evaluation. Someone without a row is at level 1.
CREATE TABLE member_standings (
  user_id    text PRIMARY KEY,
  rank       integer NOT NULL CHECK (rank >= 1),
  changed_at timestamptz NOT NULL
);

-- The operator's settings, one row.
CREATE TABLE level_settings (
  id                  integer PRIMARY KEY CHECK (id = 1),
  growth_per_unit     integer NOT NULL DEFAULT 1 CHECK (growth_per_unit >= 0),
  growth_per_checkin  integer NOT NULL DEFAULT 1 CHECK (growth_per_checkin >= 0),
  growth_per_review   integer NOT NULL DEFAULT 10 CHECK (growth_per_review >= 0),
  growth_per_lesson   integer NOT NULL DEFAULT 5 CHECK (growth_per_lesson >= 0),
  review_enabled      boolean NOT NULL DEFAULT false,
  -- MM-DD: the yearly re-evaluation's day in the platform's time zone.
  review_date         text NOT NULL DEFAULT '01-01' CHECK (review_date ~ '^[0-9]{2}-[0-9]{2}$'),
  -- Growth counts from here on (set by the last re-evaluation: its day minus 12 months); null = all.
  growth_since        timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
INSERT INTO level_settings (id) VALUES (1);

-- One row per yearly re-evaluation day: announced (30 days ahead) and run, each at most once.
CREATE TABLE level_reviews (
  review_day   text PRIMARY KEY,
  announced_at timestamptz,
  ran_at       timestamptz
);

-- The monthly coupon: at most one per person per calendar month (platform time zone).
CREATE TABLE level_coupon_grants (
  user_id        text NOT NULL,
  month          text NOT NULL,
  rank           integer NOT NULL,
  user_coupon_id text,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (user_id, month)
);
