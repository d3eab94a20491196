-- Shipping fees (issue 19), owned by the shipping module: the operator's templates, which template
-- each product ships under, and variants' weights. Product and variant ids are plain ids, not
-- foreign keys: the catalog owns those tables.
CREATE TABLE shipping_templates (
  id                text PRIMARY KEY,
  name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  -- What the fee counts: nothing (one fee per order), items, or grams.
  basis             text        NOT NULL CHECK (basis IN ('flat', 'count', 'weight')),
  -- Goods of this template worth at least this much ship free (null: never free by amount).
  free_over_amount  bigint      CHECK (free_over_amount > 0),
  -- { first, firstFee, extra, extraFee } for provinces no region rule names.
  default_rule      jsonb       NOT NULL,
  -- [{ provinces: [...], first, firstFee, extra, extraFee }], the first rule naming a province wins.
  region_rules      jsonb       NOT NULL DEFAULT '[]',
  -- Products without a template of their own ship under the default one (at most one).
  is_default        boolean     NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX shipping_templates_one_default ON shipping_templates (is_default) WHERE is_default;

CREATE TABLE shipping_product_templates (
  product_id   text PRIMARY KEY,
  template_id  text NOT NULL REFERENCES shipping_templates (id)
);
CREATE INDEX shipping_product_templates_template ON shipping_product_templates (template_id);

CREATE TABLE shipping_variant_weights (
  variant_id  text PRIMARY KEY,
  product_id  text    NOT NULL,
  grams       integer NOT NULL CHECK (grams BETWEEN 1 AND 1000000)
);
CREATE INDEX shipping_variant_weights_product ON shipping_variant_weights (product_id);

-- The orders module: the fee is part of `total` (total = subtotal − discount + shipping_fee), and
-- how much of it went back to the buyer. Defaults keep every existing order as it was (no fee).
ALTER TABLE orders
  ADD COLUMN shipping_fee      bigint NOT NULL DEFAULT 0 CHECK (shipping_fee >= 0),
  ADD COLUMN shipping_refunded bigint NOT NULL DEFAULT 0 CHECK (shipping_refunded >= 0),
  ADD CONSTRAINT orders_shipping_refunded_within CHECK (shipping_refunded <= shipping_fee);

-- The orders module: the part of a claimed refund that is the shipping fee (the rest is goods), so
-- the apply step books it to its own account. A refund without a row here refunds goods only.
CREATE TABLE order_shipping_refunds (
  refund_id  text PRIMARY KEY,
  order_id   text   NOT NULL,
  amount     bigint NOT NULL CHECK (amount > 0)
);

-- The after-sales module: the part of a request's amount that is the shipping fee.
ALTER TABLE after_sales ADD COLUMN shipping_refunded bigint NOT NULL DEFAULT 0 CHECK (shipping_refunded >= 0);

-- The groupbuy module: whether a campaign's orders ship free (the default: a group price is the
-- whole price, as the API's "total = group price × quantity" says).
ALTER TABLE group_buy_campaigns ADD COLUMN free_shipping boolean NOT NULL DEFAULT true;
