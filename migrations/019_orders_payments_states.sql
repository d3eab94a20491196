-- Status columns of orders and payments take only the states of their state machines
-- (src/modules/orders/rules.ts, src/modules/payments/rules.ts); a test compares each list with its
-- machine's states. Checks written inline before are replaced by named ones.
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('pending_payment', 'paid', 'shipped', 'completed', 'refunded', 'cancelled'));

ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('pending', 'failed', 'succeeded', 'refunded'));

ALTER TABLE refunds DROP CONSTRAINT IF EXISTS refunds_status_check;
ALTER TABLE refunds ADD CONSTRAINT refunds_status_check
  CHECK (status IN ('requested', 'succeeded', 'failed'));

ALTER TABLE provider_refunds DROP CONSTRAINT IF EXISTS provider_refunds_status_check;
ALTER TABLE provider_refunds ADD CONSTRAINT provider_refunds_status_check
  CHECK (status IN ('applying', 'applied', 'needs_review'));

ALTER TABLE payment_disputes DROP CONSTRAINT IF EXISTS payment_disputes_status_check;
ALTER TABLE payment_disputes ADD CONSTRAINT payment_disputes_status_check
  CHECK (status IN ('open', 'won', 'lost'));

ALTER TABLE unmatched_payments DROP CONSTRAINT IF EXISTS unmatched_payments_status_check;
ALTER TABLE unmatched_payments ADD CONSTRAINT unmatched_payments_status_check
  CHECK (status IN ('refunding', 'refunded', 'refund_failed'));

ALTER TABLE sandbox_payment_intents DROP CONSTRAINT IF EXISTS sandbox_payment_intents_status_check;
ALTER TABLE sandbox_payment_intents ADD CONSTRAINT sandbox_payment_intents_status_check
  CHECK (status IN ('requires_payment', 'succeeded', 'failed'));
