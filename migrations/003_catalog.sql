-- Catalog: products and their variants (the unit of price and stock).
CREATE TABLE products (
  id                  text PRIMARY KEY,
  title               text        NOT NULL,
  description         text        NOT NULL DEFAULT '',
  images              text[]      NOT NULL DEFAULT '{}',
  category            text,
  status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  commission_rate_bps integer     CHECK (commission_rate_bps BETWEEN 0 AND 10000),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX products_active ON products (id DESC) WHERE status = 'active';
CREATE INDEX products_category ON products (category, id DESC) WHERE status = 'active';

CREATE TABLE variants (
  id          text PRIMARY KEY,
  product_id  text    NOT NULL REFERENCES products (id),
  sku         text    NOT NULL UNIQUE,
  title       text    NOT NULL DEFAULT '',
  price       bigint  NOT NULL CHECK (price >= 0),
  -- The no-oversell invariant is enforced by the database itself, not only by the code.
  stock       integer NOT NULL CHECK (stock >= 0),
  position    integer NOT NULL DEFAULT 0
);
CREATE INDEX variants_product ON variants (product_id, position);
