-- Saved delivery addresses: several per person, at most one default (the partial unique index),
-- owned by the addresses module. Its required fields are an order address's own (name, phone, city,
-- street), so any saved address ships; province and district are optional, as not every country has them. An order copies the address it ships to, so editing or deleting a
-- saved address never changes an order already placed.
CREATE TABLE addresses (
  id           text PRIMARY KEY,
  user_id      text        NOT NULL REFERENCES users (id),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  phone        text        NOT NULL CHECK (length(phone) BETWEEN 5 AND 40),
  province     text        CHECK (length(province) <= 80),
  city         text        NOT NULL CHECK (length(city) BETWEEN 1 AND 80),
  district     text        CHECK (length(district) <= 80),
  line1        text        NOT NULL CHECK (length(line1) BETWEEN 1 AND 200),
  line2        text        CHECK (length(line2) <= 200),
  postal_code  text        CHECK (length(postal_code) <= 20),
  country      text        CHECK (length(country) <= 60),
  is_default   boolean     NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX addresses_user ON addresses (user_id, created_at);
CREATE UNIQUE INDEX addresses_one_default ON addresses (user_id) WHERE is_default;
