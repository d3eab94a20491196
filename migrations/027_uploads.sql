-- Uploaded images (issue 11): one row per upload, so a store logo or a product image can name an
-- upload by id and the owner check has something to ask. The bytes live in the object storage
-- (local disk or S3-compatible) under content-hash keys `<hash>-<width>.webp`; a row keeps the hash
-- and the widths that exist, never the bytes.
CREATE TABLE uploads (
  id              text PRIMARY KEY,
  owner_id        text        NOT NULL REFERENCES users (id),
  purpose         text        NOT NULL CHECK (purpose IN ('product', 'store_logo', 'post', 'review')),
  content_hash    text        NOT NULL,
  original_type   text        NOT NULL,
  original_bytes  integer     NOT NULL CHECK (original_bytes > 0),
  width           integer     NOT NULL CHECK (width > 0),
  height          integer     NOT NULL CHECK (height > 0),
  widths          integer[]   NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX uploads_owner ON uploads (owner_id, id);
