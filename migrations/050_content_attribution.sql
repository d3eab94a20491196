-- Content that sells: an order remembers the post or live room it was bought through (orders
-- module), and distribution credits that content's owner (distribution module). The whole schema
-- of the feature is in this one file, so that branches merging the orders part get all of it.

-- The content an order came through: both null (none) or both set. The owning module (posts, live)
-- is asked whether it exists when the order is placed; no foreign key into another module's table.
ALTER TABLE orders
  ADD COLUMN source_type text CHECK (source_type IN ('post', 'live')),
  ADD COLUMN source_id   text CHECK (source_id IS NULL OR length(source_id) BETWEEN 1 AND 64),
  ADD CONSTRAINT orders_source_both CHECK ((source_type IS NULL) = (source_id IS NULL));
-- "What did this post / room sell": one content's orders, newest first.
CREATE INDEX orders_by_source ON orders (source_type, source_id, id DESC) WHERE source_type IS NOT NULL;

-- A commission's role: `sharer` (whoever's link or binding brought the buyer, and the chain above)
-- or `author` (the owner of the content the order came through). A split of level 1 between a
-- sharer and an author needs two level-1 rows; one order still earns a role at most once per level.
ALTER TABLE commissions
  ADD COLUMN role text NOT NULL DEFAULT 'sharer' CHECK (role IN ('sharer', 'author'));
ALTER TABLE commissions DROP CONSTRAINT IF EXISTS commissions_order_id_level_key;
ALTER TABLE commissions ADD CONSTRAINT commissions_order_level_role_key UNIQUE (order_id, level, role);

-- Who earns level 1 when an order came through content and also carries someone else's share code:
-- the sharer (as before content existed), the content's author, or both (split). Existing rows and
-- new installs default to `sharer`, so no operator's commissions change until they choose.
ALTER TABLE distribution_settings
  ADD COLUMN content_credit text NOT NULL DEFAULT 'sharer' CHECK (content_credit IN ('sharer', 'author', 'split'));
