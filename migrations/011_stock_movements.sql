-- Stock movements: every change of a variant's stock, with who, why and the order behind it.
-- The log is append-only and its deltas sum to the variant's stock.
CREATE TABLE stock_movements (
  -- A sequence, not a time-ordered text id: it is drawn while the variant's row lock is held, and
  -- that lock is kept until commit, so one variant's movements are numbered in the order they applied.
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  variant_id  text        NOT NULL REFERENCES variants (id),
  delta       integer     NOT NULL,
  stock_after integer     NOT NULL CHECK (stock_after >= 0),
  -- initial: stock a variant was created with; adjustment: an operator's change; sold: reserved by
  -- a checkout; released: an unpaid order gave it back; returned: a refund or return gave it back.
  kind        text        NOT NULL CHECK (kind IN ('initial', 'adjustment', 'sold', 'released', 'returned')),
  actor_id    text,       -- the operator who made it; null = the system (checkout, expiry, refunds)
  reason      text        NOT NULL DEFAULT '',
  order_id    text,
  created_at  timestamptz NOT NULL
);
CREATE INDEX stock_movements_variant ON stock_movements (variant_id, id DESC);

-- Variants that existed before the log began start it with their stock at that moment.
INSERT INTO stock_movements (variant_id, delta, stock_after, kind, reason, created_at)
SELECT id, stock, stock, 'initial', 'stock when the movement log began', now() FROM variants ORDER BY id;
