-- Points as a ledger of lots. Every posting stays the record of a change (point_postings); a
-- positive posting also opens a lot — what it gave, what is left of it, when it expires — and a
-- negative one draws from the open lots, soonest-expiring first. What a draw cannot cover is a debt
-- (the balance goes below zero), which the next positive postings pay off before opening their lot
-- (`debt_paid`). So the open lots always hold max(balance, 0) points.
CREATE TABLE point_lots (
  -- The posting that opened it.
  id          text PRIMARY KEY REFERENCES point_postings (id),
  user_id     text        NOT NULL REFERENCES users (id),
  points      integer     NOT NULL CHECK (points > 0),
  debt_paid   integer     NOT NULL CHECK (debt_paid >= 0 AND debt_paid <= points),
  remaining   integer     NOT NULL CHECK (remaining >= 0 AND remaining <= points - debt_paid),
  expires_at  timestamptz,
  -- When the person was told the lot expires within a week (once per lot).
  warned_at   timestamptz,
  created_at  timestamptz NOT NULL
);
CREATE INDEX point_lots_open ON point_lots (user_id, expires_at, id) WHERE remaining > 0;
CREATE INDEX point_lots_due ON point_lots (expires_at, id) WHERE remaining > 0 AND expires_at IS NOT NULL;

-- Balances from before lots: one lot per person holding it, keyed by their latest positive posting,
-- never expiring (nobody was told it would).
INSERT INTO point_lots (id, user_id, points, debt_paid, remaining, expires_at, created_at)
SELECT last.id, b.user_id, b.balance, 0, b.balance, NULL, last.created_at
FROM (SELECT user_id, sum(delta)::integer AS balance FROM point_postings GROUP BY user_id) b
CROSS JOIN LATERAL (
  SELECT id, created_at FROM point_postings p
  WHERE p.user_id = b.user_id AND p.delta > 0 ORDER BY id DESC LIMIT 1
) last
WHERE b.balance > 0;

-- The operator's points settings (one row; missing = the defaults in the points module's rules).
CREATE TABLE point_settings (
  id               integer PRIMARY KEY CHECK (id = 1),
  -- Points earned per major currency unit paid (0: orders earn none).
  earn_per_unit    integer     NOT NULL CHECK (earn_per_unit BETWEEN 0 AND 10000),
  -- Points that pay one major currency unit at checkout.
  redeem_per_unit  integer     NOT NULL CHECK (redeem_per_unit BETWEEN 1 AND 1000000),
  -- The largest share of an order points may pay, in basis points.
  max_share_bps    integer     NOT NULL CHECK (max_share_bps BETWEEN 0 AND 10000),
  -- Months until earned points expire; NULL: never.
  expiry_months    integer     CHECK (expiry_months BETWEEN 1 AND 120),
  updated_at       timestamptz NOT NULL
);
