-- Running payments for real money: what providers report that Fission did not start (dashboard
-- refunds, disputes, failed refunds, payments of the wrong amount), kept so the operator sees it.

-- The client secret of a PaymentIntent, so its buyer can come back to the card form.
ALTER TABLE payments ADD COLUMN client_secret text;

-- Why the provider failed a refund (refund.failed), for the needs-attention list.
ALTER TABLE refunds ADD COLUMN failure_reason text;
CREATE INDEX refunds_status ON refunds (status, updated_at);

-- Refunds made at the provider (its dashboard), not by Fission; keyed by the provider's refund id
-- so a webhook replay or a later event listing the same refund applies it once.
CREATE TABLE provider_refunds (
  provider     text        NOT NULL,
  external_id  text        NOT NULL,
  payment_id   text        NOT NULL REFERENCES payments (id),
  order_id     text        NOT NULL REFERENCES orders (id),
  amount       bigint      NOT NULL CHECK (amount > 0),
  -- applying: the order's refund is under way; applied: the order was refunded through the normal
  -- path; needs_review: a partial refund (or one that could not be applied) waiting for a person.
  status       text        NOT NULL CHECK (status IN ('applying', 'applied', 'needs_review')),
  note         text        NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (provider, external_id)
);
CREATE INDEX provider_refunds_payment ON provider_refunds (payment_id);
CREATE INDEX provider_refunds_review ON provider_refunds (status) WHERE status <> 'applied';

-- Chargebacks: a buyer disputed the charge with their bank.
CREATE TABLE payment_disputes (
  provider     text        NOT NULL,
  external_id  text        NOT NULL,
  payment_id   text        NOT NULL REFERENCES payments (id),
  order_id     text        NOT NULL REFERENCES orders (id),
  amount       bigint      NOT NULL CHECK (amount >= 0),
  reason       text        NOT NULL DEFAULT '',
  status       text        NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  opened_at    timestamptz NOT NULL,
  closed_at    timestamptz,
  PRIMARY KEY (provider, external_id)
);
CREATE INDEX payment_disputes_order ON payment_disputes (order_id, opened_at DESC);
CREATE INDEX payment_disputes_open ON payment_disputes (status) WHERE status = 'open';

-- Money that arrived for an order in another amount than its total: never applied to the order,
-- refunded at the provider by a job, listed for the operator.
CREATE TABLE unmatched_payments (
  id                  text PRIMARY KEY,
  payment_id          text        NOT NULL REFERENCES payments (id),
  order_id            text        NOT NULL REFERENCES orders (id),
  provider            text        NOT NULL,
  external_id         text        NOT NULL,
  event_id            text        NOT NULL,
  amount_received     bigint      NOT NULL CHECK (amount_received >= 0),
  expected            bigint      NOT NULL,
  status              text        NOT NULL CHECK (status IN ('refunding', 'refunded', 'refund_failed')),
  refund_external_id  text,
  last_error          text,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  UNIQUE (provider, event_id)
);
CREATE INDEX unmatched_payments_created ON unmatched_payments (created_at DESC);
