-- Flash sales (秒杀): a variant at a special price in a time window, with a quantity and a
-- per-person limit, both enforced by the database rather than by a check before the write.
--
-- The quota is one row per sale: units are taken with a conditional UPDATE (taken + n <= quantity)
-- that a CHECK backs, so no interleaving can oversell. A person's units across their orders that
-- are not cancelled are one row per (sale, person) whose CHECK holds the limit: a checkout over it
-- fails on the constraint, before it waits for anything of the sale's hot row.
CREATE TABLE flash_sales (
  id              text        PRIMARY KEY,
  variant_id      text        NOT NULL,
  product_id      text        NOT NULL,
  price           integer     NOT NULL CHECK (price >= 0),
  quantity        integer     NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  taken           integer     NOT NULL DEFAULT 0,
  per_user_limit  integer     NOT NULL CHECK (per_user_limit BETWEEN 1 AND 999),
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  CONSTRAINT flash_sales_taken_within_quantity CHECK (taken BETWEEN 0 AND quantity),
  CONSTRAINT flash_sales_window CHECK (ends_at > starts_at)
);
-- The storefront's current and upcoming sales, soonest first.
CREATE INDEX flash_sales_by_window ON flash_sales (ends_at, starts_at) WHERE status = 'active';

CREATE TABLE flash_sale_buyers (
  sale_id         text    NOT NULL REFERENCES flash_sales (id),
  user_id         text    NOT NULL,
  units           integer NOT NULL,
  per_user_limit  integer NOT NULL,
  PRIMARY KEY (sale_id, user_id),
  CONSTRAINT flash_sale_buyers_within_limit CHECK (units BETWEEN 0 AND per_user_limit)
);

-- Which orders took units of which sale, so a cancelled or expired order gives them back once.
CREATE TABLE flash_sale_orders (
  order_id     text        PRIMARY KEY,
  sale_id      text        NOT NULL REFERENCES flash_sales (id),
  user_id      text        NOT NULL,
  quantity     integer     NOT NULL CHECK (quantity > 0),
  released_at  timestamptz,
  created_at   timestamptz NOT NULL
);
CREATE INDEX flash_sale_orders_by_sale ON flash_sale_orders (sale_id);
