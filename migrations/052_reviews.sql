-- Verified-purchase reviews (issue 13), owned by the reviews module. A review is written by the buyer
-- of a paid, shipped or completed order and covers one or more of its lines; each line is reviewed
-- once (the unique index on review_lines), so a second review of the same lines is refused. A review
-- may get one follow-up (text and photos, no second rating) 30 days or more after it was written.
-- Orders, lines, products and people are plain ids: the orders module owns those rows.
CREATE TABLE reviews (
  id                 text PRIMARY KEY,
  order_id           text        NOT NULL,
  user_id            text        NOT NULL,
  rating             smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body               text        NOT NULL,
  images             text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(images) <= 9),
  follow_up_body     text,
  follow_up_images   text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(follow_up_images) <= 9),
  follow_up_at       timestamptz,
  hidden_at          timestamptz,
  hidden_reason      text,
  created_at         timestamptz NOT NULL,
  -- A follow-up is its text and its time together; a hidden review keeps why.
  CHECK ((follow_up_body IS NULL) = (follow_up_at IS NULL)),
  CHECK (hidden_at IS NULL OR hidden_reason IS NOT NULL)
);
CREATE INDEX reviews_order ON reviews (order_id);

-- The order lines a review covers, with their product: a product page lists the visible reviews of
-- its lines, photos first, then newest.
CREATE TABLE review_lines (
  review_id      text NOT NULL REFERENCES reviews (id),
  order_item_id  text NOT NULL UNIQUE,
  product_id     text NOT NULL,
  -- As the order line reads (the product's title and variant when it was bought).
  title          text NOT NULL,
  variant_title  text NOT NULL,
  PRIMARY KEY (review_id, order_item_id)
);
CREATE INDEX review_lines_product ON review_lines (product_id, review_id);
