-- Sharing: short links a promoter shares, and the clicks they bring.
CREATE TABLE share_links (
  code         text PRIMARY KEY,
  owner_id     text        NOT NULL REFERENCES users (id),
  -- What the link points at; only products are checked when the link is made (stores, groups and
  -- posts belong to other modules).
  target_type  text        NOT NULL CHECK (target_type IN ('product', 'store', 'group', 'post')),
  target_id    text        NOT NULL,
  created_at   timestamptz NOT NULL,
  -- One link per promoter and target: sharing the same thing twice hands back the same code.
  UNIQUE (owner_id, target_type, target_id)
);
CREATE INDEX share_links_owner ON share_links (owner_id, created_at DESC, code DESC);

-- Written in batches from an in-memory buffer, never one INSERT per redirect. No foreign key:
-- every code was resolved before its click was buffered, and a batch must not fail on one row.
CREATE TABLE share_clicks (
  id          bigserial PRIMARY KEY,
  code        text        NOT NULL,
  clicked_at  timestamptz NOT NULL,
  device_id   text,
  ip          text,
  user_agent  text
);
CREATE INDEX share_clicks_code ON share_clicks (code);
