-- Unpaid orders are cancelled by a periodic sweep of those past their deadline instead of one
-- queued job per checkout: this index keeps the sweep's look-up to the unpaid orders only.
CREATE INDEX orders_unpaid_expiry ON orders (expires_at) WHERE status = 'pending_payment';
