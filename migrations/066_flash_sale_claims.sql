-- Flash-sale units are claimed before the order's transaction, so a crowd's refusals never wait
-- behind someone's checkout: the claim is a flash_sale_orders row for the order id checkout is
-- about to use, placed once that order commits. A claim never placed (its checkout failed, or its
-- process died) gives its units back: at once, or by a sweep a few minutes later.
ALTER TABLE flash_sale_orders ADD COLUMN placed_at timestamptz;
UPDATE flash_sale_orders SET placed_at = created_at;
CREATE INDEX flash_sale_orders_unplaced ON flash_sale_orders (created_at)
  WHERE placed_at IS NULL AND released_at IS NULL;
