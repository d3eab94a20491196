-- Fulfilment: the shipment of a paid order (one per order). The orders module owns the order's
-- status; this table records who handed it to which carrier, and when it confirms itself.
CREATE TABLE shipments (
  order_id         text PRIMARY KEY REFERENCES orders (id),
  carrier          text        NOT NULL CHECK (length(carrier) BETWEEN 1 AND 60),
  tracking_number  text        NOT NULL CHECK (length(tracking_number) BETWEEN 1 AND 60),
  shipped_at       timestamptz NOT NULL,
  shipped_by       text        NOT NULL REFERENCES users (id),
  -- When delivery is confirmed automatically if the buyer has not confirmed it (AUTO_CONFIRM_DAYS).
  auto_confirm_at  timestamptz NOT NULL
);
CREATE INDEX shipments_tracking ON shipments (tracking_number);
