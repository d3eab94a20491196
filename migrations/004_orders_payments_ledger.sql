-- Ledger: double-entry. A transaction's postings sum to zero; balances are sums of postings.
-- Debits are positive amounts, credits negative.
CREATE TABLE ledger_accounts (
  code        text PRIMARY KEY,          -- e.g. 'platform:sales', 'provider:sandbox', 'promoter:<id>:pending'
  kind        text        NOT NULL,      -- asset | liability | revenue | expense | contra
  owner_id    text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_accounts_owner ON ledger_accounts (owner_id) WHERE owner_id IS NOT NULL;

CREATE TABLE ledger_transactions (
  id          text PRIMARY KEY,
  kind        text        NOT NULL,      -- order.paid, order.refunded, commission.earned, ...
  ref         text        NOT NULL,      -- what it records (an order id, a commission id, ...)
  memo        text        NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL,
  -- The same movement recorded twice is refused by the database: applying twice = applying once.
  UNIQUE (kind, ref)
);

CREATE TABLE ledger_postings (
  id              bigserial PRIMARY KEY,
  transaction_id  text   NOT NULL REFERENCES ledger_transactions (id),
  account_code    text   NOT NULL REFERENCES ledger_accounts (code),
  amount          bigint NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ledger_postings_account ON ledger_postings (account_code);
CREATE INDEX ledger_postings_transaction ON ledger_postings (transaction_id);

-- Orders.
CREATE TABLE orders (
  id            text PRIMARY KEY,
  user_id       text        NOT NULL REFERENCES users (id),
  status        text        NOT NULL,
  subtotal      bigint      NOT NULL CHECK (subtotal >= 0),
  discount      bigint      NOT NULL DEFAULT 0 CHECK (discount >= 0),
  total         bigint      NOT NULL CHECK (total >= 0),
  currency      text        NOT NULL,
  address       jsonb,
  share_code    text,
  store_slug    text,
  provider      text        NOT NULL,
  expires_at    timestamptz NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX orders_user ON orders (user_id, id DESC);
CREATE INDEX orders_status ON orders (status, id DESC);

CREATE TABLE order_items (
  id            text PRIMARY KEY,
  order_id      text    NOT NULL REFERENCES orders (id),
  variant_id    text    NOT NULL REFERENCES variants (id),
  product_id    text    NOT NULL REFERENCES products (id),
  title         text    NOT NULL,
  variant_title text    NOT NULL,
  sku           text    NOT NULL,
  image         text,
  unit_price    bigint  NOT NULL CHECK (unit_price >= 0),
  quantity      integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  line_total    bigint  NOT NULL CHECK (line_total >= 0)
);
CREATE INDEX order_items_order ON order_items (order_id);

-- Each state an order entered, for the status timeline.
CREATE TABLE order_events (
  id        bigserial PRIMARY KEY,
  order_id  text        NOT NULL REFERENCES orders (id),
  status    text        NOT NULL,
  note      text        NOT NULL DEFAULT '',
  at        timestamptz NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, id);

-- Idempotency keys (orders, withdrawals, webhooks): the original response, kept 24 h or more.
CREATE TABLE idempotency_keys (
  scope         text        NOT NULL,    -- user id, or 'webhook:<provider>'
  key           text        NOT NULL,
  request_hash  text        NOT NULL,
  status_code   integer,
  response      jsonb,                   -- null while the first request is still running
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Payments: one row per attempt to collect an order's total through a provider.
CREATE TABLE payments (
  id            text PRIMARY KEY,
  order_id      text        NOT NULL REFERENCES orders (id),
  provider      text        NOT NULL,
  external_id   text        NOT NULL,
  amount        bigint      NOT NULL CHECK (amount >= 0),
  status        text        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded')),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  UNIQUE (provider, external_id)
);
CREATE INDEX payments_order ON payments (order_id);

CREATE TABLE refunds (
  id            text PRIMARY KEY,
  order_id      text        NOT NULL REFERENCES orders (id),
  payment_id    text        NOT NULL REFERENCES payments (id),
  amount        bigint      NOT NULL CHECK (amount >= 0),
  status        text        NOT NULL CHECK (status IN ('requested', 'succeeded', 'failed')),
  external_id   text,
  reason        text        NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
-- At most one live full refund per order: a second click cannot refund twice.
CREATE UNIQUE INDEX refunds_one_live_per_order ON refunds (order_id) WHERE status IN ('requested', 'succeeded');

-- Webhook events already applied, by the provider's event id.
CREATE TABLE payment_webhook_events (
  provider     text        NOT NULL,
  event_id     text        NOT NULL,
  received_at  timestamptz NOT NULL,
  PRIMARY KEY (provider, event_id)
);

-- The sandbox provider's own books: what a real provider would keep on its side.
CREATE TABLE sandbox_payment_intents (
  id               text PRIMARY KEY,
  order_id         text        NOT NULL,
  amount           bigint      NOT NULL,
  currency         text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('requires_payment', 'succeeded', 'failed')),
  refunded_amount  bigint      NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL
);
