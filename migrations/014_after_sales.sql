-- After-sales and partial refunds.

-- Orders (orders module): how much of an order went back to the buyer, and which units.
ALTER TABLE orders ADD COLUMN refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0);
ALTER TABLE order_items ADD COLUMN refunded_quantity integer NOT NULL DEFAULT 0 CHECK (refunded_quantity >= 0);
UPDATE orders SET refunded_amount = total WHERE status = 'refunded';
UPDATE order_items SET refunded_quantity = quantity
  WHERE order_id IN (SELECT id FROM orders WHERE status = 'refunded');

-- Refunds (payments module): an order may now have many, each of an amount and of some units.
-- What stops a second refund of the same money is the claim, under the order's row lock: the
-- amounts of an order's live refunds never exceed what was paid.
DROP INDEX refunds_one_live_per_order;
ALTER TABLE refunds
  ADD COLUMN kind text NOT NULL DEFAULT 'order' CHECK (kind IN ('order', 'late_payment')),
  ADD COLUMN items jsonb NOT NULL DEFAULT '[]',          -- [{ orderItemId, quantity }]
  ADD COLUMN restock boolean NOT NULL DEFAULT false,     -- return those units to stock when applied
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,        -- provider calls that failed
  ADD COLUMN last_error text;
UPDATE refunds SET kind = 'late_payment' WHERE reason = 'late payment';
CREATE INDEX refunds_live_order ON refunds (order_id) WHERE status IN ('requested', 'succeeded');
-- Refunds left half-done (the provider called, the write not made) are resumed by a job.
CREATE INDEX refunds_requested ON refunds (updated_at) WHERE status = 'requested';
-- A late payment is refunded once.
CREATE UNIQUE INDEX refunds_one_live_late_payment ON refunds (payment_id)
  WHERE kind = 'late_payment' AND status IN ('requested', 'succeeded');

-- The sandbox provider honours idempotency keys as Stripe does: one key, one refund.
CREATE TABLE sandbox_refunds (
  idempotency_key  text PRIMARY KEY,
  intent_id        text        NOT NULL,
  amount           bigint      NOT NULL,
  external_id      text        NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL
);

-- Commissions (distribution module) shrink with partial refunds: `amount` is what is left,
-- `earned_amount` what was earned (null until the first reduction: then equal to `amount`).
ALTER TABLE commissions ADD COLUMN earned_amount bigint CHECK (earned_amount IS NULL OR earned_amount > 0);

-- Orders whose commissions must not settle for now (distribution module), e.g. while an
-- after-sales request is open; `ref` names what holds them, so each holder releases its own.
CREATE TABLE commission_holds (
  order_id    text        NOT NULL,
  ref         text        NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (order_id, ref)
);

-- After-sales requests (aftersales module).
CREATE TABLE after_sales (
  id           text PRIMARY KEY,
  order_id     text        NOT NULL,
  user_id      text        NOT NULL,
  type         text        NOT NULL CHECK (type IN ('refund', 'return')),
  status       text        NOT NULL CHECK (status IN ('requested', 'refunded', 'rejected', 'closed')),
  reason       text        NOT NULL,
  photos       jsonb       NOT NULL DEFAULT '[]',
  amount       bigint      NOT NULL CHECK (amount >= 0),
  refund_id    text,                                   -- the refund claimed when approved
  note         text        NOT NULL DEFAULT '',
  decided_by   text,
  created_at   timestamptz NOT NULL,
  decided_at   timestamptz
);
CREATE INDEX after_sales_user ON after_sales (user_id, id DESC);
CREATE INDEX after_sales_status ON after_sales (status, id DESC);
CREATE INDEX after_sales_order ON after_sales (order_id);
CREATE UNIQUE INDEX after_sales_refund ON after_sales (refund_id) WHERE refund_id IS NOT NULL;

-- The units a request names: `units` are indexes into the order line's units (0-based), so each
-- unit's share of the paid total is refunded at most once, and all of them add up to the total.
CREATE TABLE after_sale_items (
  after_sale_id  text      NOT NULL REFERENCES after_sales (id),
  order_item_id  text      NOT NULL,
  title          text      NOT NULL,                 -- the product's title, as bought
  quantity       integer   NOT NULL CHECK (quantity > 0),
  units          integer[] NOT NULL,
  amount         bigint    NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (after_sale_id, order_item_id)
);
