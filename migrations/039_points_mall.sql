-- The points mall, owned by the points-mall module: items that cost points, and what each person
-- redeemed. An item is a coupon (a coupon template), a product (a catalog variant, shipped as a
-- 0-total order) or a perk (a text benefit the operator fulfils by hand). References into other
-- modules (coupon templates, variants, orders, user coupons) are plain ids, not foreign keys: those
-- modules own their tables.
CREATE TABLE points_mall_items (
  id                  text PRIMARY KEY,
  title               text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  description         text        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  image               text        CHECK (length(image) <= 2048),
  cost_points         integer     NOT NULL CHECK (cost_points > 0),
  -- Units left: taken one at a time by `UPDATE … WHERE stock > 0`, so it never goes below zero.
  stock               integer     NOT NULL CHECK (stock >= 0),
  per_person_limit    integer     CHECK (per_person_limit >= 1),
  kind                text        NOT NULL CHECK (kind IN ('coupon', 'product', 'perk')),
  coupon_template_id  text,
  variant_id          text,
  active              boolean     NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CHECK ((kind = 'coupon') = (coupon_template_id IS NOT NULL)),
  CHECK ((kind = 'product') = (variant_id IS NOT NULL))
);
CREATE INDEX points_mall_items_newest ON points_mall_items (created_at DESC, id DESC);

-- How many of an item one person redeemed: raised by a conditional upsert (`… WHERE redeemed <
-- limit`), so racing redemptions of one person queue on this row and the limit holds.
CREATE TABLE points_mall_takers (
  item_id   text    NOT NULL REFERENCES points_mall_items (id),
  user_id   text    NOT NULL REFERENCES users (id),
  redeemed  integer NOT NULL CHECK (redeemed >= 1),
  PRIMARY KEY (item_id, user_id)
);

CREATE TABLE points_mall_redemptions (
  id           text PRIMARY KEY,
  item_id      text        NOT NULL REFERENCES points_mall_items (id),
  user_id      text        NOT NULL REFERENCES users (id),
  kind         text        NOT NULL CHECK (kind IN ('coupon', 'product', 'perk')),
  -- The item's title and cost when redeemed: an edit of the item later leaves this as it was.
  title        text        NOT NULL,
  cost_points  integer     NOT NULL CHECK (cost_points > 0),
  status       text        NOT NULL CHECK (status IN ('pending', 'done')),
  coupon_id    text,
  order_id     text,
  created_at   timestamptz NOT NULL,
  done_at      timestamptz,
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX points_mall_redemptions_mine ON points_mall_redemptions (user_id, id DESC);
CREATE INDEX points_mall_redemptions_newest ON points_mall_redemptions (id DESC);
