-- Catalog imports, owned by the catalog module. A file is checked whole (the dry run) before an
-- import is made; the import keeps its checked products and works through them as a job, a product
-- at a time, each in its own transaction that also moves `next_index` and `done_rows`. A crash
-- loses at most the product in hand, and the job's retry goes on from `next_index`; applying a
-- product is an upsert by SKU besides, so a product applied twice has the effect of once.
CREATE TABLE product_imports (
  id          text PRIMARY KEY,
  actor_id    text        NOT NULL,
  file_name   text        NOT NULL DEFAULT '' CHECK (length(file_name) <= 200),
  status      text        NOT NULL CHECK (status IN ('running', 'done')),
  -- The checked products in file order, each with the rows it came from.
  products    jsonb       NOT NULL,
  total_rows  integer     NOT NULL CHECK (total_rows >= 0),
  done_rows   integer     NOT NULL DEFAULT 0 CHECK (done_rows BETWEEN 0 AND total_rows),
  next_index  integer     NOT NULL DEFAULT 0 CHECK (next_index >= 0),
  created     integer     NOT NULL DEFAULT 0,
  updated     integer     NOT NULL DEFAULT 0,
  -- Rows refused while importing (the catalog changed after the dry run): { row, column, problem }.
  failures    jsonb       NOT NULL DEFAULT '[]',
  created_at  timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX product_imports_newest ON product_imports (created_at DESC, id DESC);
