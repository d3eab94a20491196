-- Stores (S2B2C): shopkeeper applications, micro-stores on the operator's catalog, and what each lists.
-- The platform owns stock, fulfilment and refunds; a store only chooses which products it shows.

-- One application per user. With approval off it is recorded already approved, so the operator
-- still sees who became a shopkeeper and when.
CREATE TABLE shopkeeper_applications (
  id          text PRIMARY KEY,
  user_id     text        NOT NULL UNIQUE REFERENCES users (id),
  status      text        NOT NULL CHECK (status IN ('pending', 'approved')),
  created_at  timestamptz NOT NULL,
  decided_at  timestamptz,
  decided_by  text        REFERENCES users (id)
);
CREATE INDEX shopkeeper_applications_status ON shopkeeper_applications (status, id);

-- One store per shopkeeper; the slug is its public address and never changes.
CREATE TABLE stores (
  id          text PRIMARY KEY,
  owner_id    text        NOT NULL UNIQUE REFERENCES users (id),
  slug        text        NOT NULL UNIQUE,
  name        text        NOT NULL,
  logo        text,
  intro       text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- A listing outlives archiving: a restored product shows again in the stores that listed it.
CREATE TABLE store_products (
  store_id    text        NOT NULL REFERENCES stores (id),
  product_id  text        NOT NULL REFERENCES products (id),
  listed_at   timestamptz NOT NULL,
  PRIMARY KEY (store_id, product_id)
);
CREATE INDEX store_products_newest ON store_products (store_id, listed_at DESC, product_id);
