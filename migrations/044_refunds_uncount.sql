-- A refund takes back what its order added to competitions and honours (issue 12).
--
-- Competitions: each entry remembers the order behind it, so that a refund in full removes it and
-- a partial one shrinks a settled sale, until the competition is awarded. Entries from before this
-- migration have no order and stay as they are.
ALTER TABLE competition_entries ADD COLUMN order_id text;
CREATE INDEX competition_entries_order ON competition_entries (order_id) WHERE order_id IS NOT NULL;

-- Honours: the orders through which a buyer counts as a shopkeeper's customer. A customer stays
-- counted while one of their orders stands; when the last one is refunded in full the customer is no
-- longer counted (a badge already granted stays: honour_badges is never deleted from).
CREATE TABLE honour_sources (
  user_id   text NOT NULL REFERENCES users (id),
  badge     text NOT NULL,
  ref       text NOT NULL,
  order_id  text NOT NULL,
  PRIMARY KEY (user_id, badge, ref, order_id)
);
CREATE INDEX honour_sources_order ON honour_sources (order_id);
