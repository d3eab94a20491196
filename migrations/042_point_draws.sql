-- Points spent come back where they came from. Every negative posting records what it drew from
-- which lot, in draw order (`seq`), and how much of each draw was given back since (`restored`):
-- a cancelled or refunded checkout restores its points into those lots, with their expiry, first
-- drawn first back, in proportion on a partial refund and never more than was drawn.
CREATE TABLE point_draws (
  posting_id  text    NOT NULL REFERENCES point_postings (id),
  seq         integer NOT NULL CHECK (seq >= 0),
  lot_id      text    NOT NULL REFERENCES point_lots (id),
  points      bigint  NOT NULL CHECK (points > 0),
  restored    bigint  NOT NULL DEFAULT 0 CHECK (restored >= 0 AND restored <= points),
  PRIMARY KEY (posting_id, seq)
);
CREATE INDEX point_draws_lot ON point_draws (lot_id);

-- A positive posting that gave back points of a spend (it opens no lot of its own): which spend,
-- and the part of it that paid off a debt first, as a lot's `debt_paid` does.
CREATE TABLE point_returns (
  posting_id  text   PRIMARY KEY REFERENCES point_postings (id),
  spend_id    text   NOT NULL REFERENCES point_postings (id),
  debt_paid   bigint NOT NULL CHECK (debt_paid >= 0)
);
CREATE INDEX point_returns_spend ON point_returns (spend_id);

-- Where a return put its points back.
CREATE TABLE point_restores (
  posting_id  text   NOT NULL REFERENCES point_returns (posting_id),
  lot_id      text   NOT NULL REFERENCES point_lots (id),
  points      bigint NOT NULL CHECK (points > 0),
  PRIMARY KEY (posting_id, lot_id)
);

-- Points are counts, and counts are bigint like money: an order of the largest allowed total
-- earns more points than an integer holds.
ALTER TABLE point_postings ALTER COLUMN delta TYPE bigint;
ALTER TABLE point_lots
  ALTER COLUMN points TYPE bigint,
  ALTER COLUMN debt_paid TYPE bigint,
  ALTER COLUMN remaining TYPE bigint;

-- The growth columns of orders (migration 031) are money like the others: bigint.
ALTER TABLE orders
  ALTER COLUMN member_discount TYPE bigint,
  ALTER COLUMN points_used TYPE bigint,
  ALTER COLUMN points_discount TYPE bigint;

-- At most 100 points per currency unit paid: beyond that an order earns points worth more than it
-- paid at the default value of a point. A stored rate above it is brought down to the bound.
UPDATE point_settings SET earn_per_unit = 100 WHERE earn_per_unit > 100;
ALTER TABLE point_settings DROP CONSTRAINT point_settings_earn_per_unit_check;
ALTER TABLE point_settings ADD CONSTRAINT point_settings_earn_per_unit_check
  CHECK (earn_per_unit BETWEEN 0 AND 100);
