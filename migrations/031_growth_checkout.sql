-- Growth at checkout: what the buyer's membership level took off, and the points that paid part of
-- the order. Both are already inside `discount` (coupon + member + points); kept apart to show them.
ALTER TABLE orders
  ADD COLUMN member_discount integer NOT NULL DEFAULT 0 CHECK (member_discount >= 0),
  ADD COLUMN points_used     integer NOT NULL DEFAULT 0 CHECK (points_used >= 0),
  ADD COLUMN points_discount integer NOT NULL DEFAULT 0 CHECK (points_discount >= 0);
