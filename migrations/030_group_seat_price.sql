-- The unit price a seat's order pays, kept with the seat: a campaign's prices may change while its
-- groups run, and what completing a group at the platform's cost costs depends on what was paid.
ALTER TABLE group_buy_members ADD COLUMN unit_price bigint CHECK (unit_price >= 0);

UPDATE group_buy_members m SET unit_price = i.unit_price
FROM order_items i, group_buy_campaigns c
WHERE i.order_id = m.order_id AND c.id = m.campaign_id AND i.variant_id = c.variant_id;
