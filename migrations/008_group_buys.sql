-- Group buying: campaigns (a group price on one variant), groups people open and join, and the
-- seats they hold in them. An order belongs to at most one group; the orders module never writes here.

CREATE TABLE group_buy_campaigns (
  id                text PRIMARY KEY,
  variant_id        text        NOT NULL REFERENCES variants (id),
  product_id        text        NOT NULL REFERENCES products (id),
  group_size        integer     NOT NULL CHECK (group_size BETWEEN 2 AND 100),
  price             bigint      NOT NULL CHECK (price >= 0),
  leader_price      bigint      CHECK (leader_price >= 0),
  duration_minutes  integer     NOT NULL CHECK (duration_minutes > 0),
  per_user_limit    integer     CHECK (per_user_limit > 0),
  starts_at         timestamptz,
  ends_at           timestamptz,
  status            text        NOT NULL CHECK (status IN ('active', 'closed')),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX group_buy_campaigns_product ON group_buy_campaigns (product_id, id DESC);

CREATE TABLE group_buy_groups (
  id                     text PRIMARY KEY,
  campaign_id            text        NOT NULL REFERENCES group_buy_campaigns (id),
  leader_id              text        NOT NULL REFERENCES users (id),
  -- Copied from the campaign when the group opens: later edits do not move a running group's goal.
  group_size             integer     NOT NULL CHECK (group_size BETWEEN 2 AND 100),
  -- Seats held: paid members plus members still paying. The CHECKs are the last line of defence of
  -- "never more members than the size"; seats are taken with a conditional UPDATE on this row.
  taken                  integer     NOT NULL CHECK (taken BETWEEN 0 AND group_size),
  paid                   integer     NOT NULL DEFAULT 0 CHECK (paid BETWEEN 0 AND taken),
  status                 text        NOT NULL CHECK (status IN ('open', 'succeeded', 'failed')),
  completed_by_platform  boolean     NOT NULL DEFAULT false,
  expires_at             timestamptz NOT NULL,
  created_at             timestamptz NOT NULL,
  decided_at             timestamptz
);
CREATE INDEX group_buy_groups_due ON group_buy_groups (expires_at) WHERE status = 'open';
CREATE INDEX group_buy_groups_campaign ON group_buy_groups (campaign_id, status, expires_at);

CREATE TABLE group_buy_members (
  order_id     text PRIMARY KEY REFERENCES orders (id),
  group_id     text        NOT NULL REFERENCES group_buy_groups (id),
  campaign_id  text        NOT NULL REFERENCES group_buy_campaigns (id),
  user_id      text        NOT NULL REFERENCES users (id),
  role         text        NOT NULL CHECK (role IN ('leader', 'member')),
  quantity     integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  -- reserved: paying; paid: counted; released: left unpaid (seat freed); refunded: money returned.
  status       text        NOT NULL CHECK (status IN ('reserved', 'paid', 'released', 'refunded')),
  joined_at    timestamptz NOT NULL,
  paid_at      timestamptz
);
CREATE INDEX group_buy_members_group ON group_buy_members (group_id, joined_at);
CREATE INDEX group_buy_members_user ON group_buy_members (user_id, joined_at DESC);
-- One live seat per person in a group: joining your own group twice is refused by the database too.
CREATE UNIQUE INDEX group_buy_members_one_seat ON group_buy_members (group_id, user_id)
  WHERE status IN ('reserved', 'paid');
