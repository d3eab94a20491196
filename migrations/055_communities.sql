-- Communities (社区团购): leaders, their communities with a pickup point, members and helpers,
-- delivery waves and the orders collected at a pickup point. Owned by the communities module;
-- leader commission, community group buys, structure and trust hang off these tables.

-- One application per user, as shopkeepers have: recorded already approved when approval is off.
CREATE TABLE leader_applications (
  id            text PRIMARY KEY,
  user_id       text        NOT NULL UNIQUE REFERENCES users (id),
  status        text        NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at    timestamptz NOT NULL,
  decided_at    timestamptz,
  decided_by    text        REFERENCES users (id),
  reject_reason text
);
CREATE INDEX leader_applications_status ON leader_applications (status, created_at, id);
CREATE INDEX leader_applications_decided ON leader_applications (decided_at DESC, id DESC)
  WHERE status IN ('approved', 'rejected');

-- A community has one leader; a leader may run several. The pickup point is part of it.
-- `cutoff_time` (HH:MM, the platform's time zone) closes each day's delivery wave.
CREATE TABLE communities (
  id             text PRIMARY KEY,
  leader_id      text        NOT NULL REFERENCES users (id),
  name           text        NOT NULL,
  description    text,
  pickup_name    text        NOT NULL,
  pickup_address text        NOT NULL,
  opening_hours  text,
  lat            double precision CHECK (lat BETWEEN -90 AND 90),
  lng            double precision CHECK (lng BETWEEN -180 AND 180),
  cutoff_time    text        NOT NULL CHECK (cutoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  CHECK ((lat IS NULL) = (lng IS NULL))
);
CREATE INDEX communities_leader ON communities (leader_id, created_at, id);
CREATE INDEX communities_newest ON communities (created_at DESC, id DESC);

-- A person belongs to one community at a time (the neighbourhood they collect in): joining
-- another moves them. The key is the person, so the rule holds under concurrent joins.
CREATE TABLE community_members (
  user_id      text        PRIMARY KEY REFERENCES users (id),
  community_id text        NOT NULL REFERENCES communities (id),
  joined_at    timestamptz NOT NULL
);
CREATE INDEX community_members_community ON community_members (community_id, joined_at, user_id);

-- People the leader names to hand orders out (verify pickup codes) with them.
CREATE TABLE community_helpers (
  community_id text        NOT NULL REFERENCES communities (id),
  user_id      text        NOT NULL REFERENCES users (id),
  added_at     timestamptz NOT NULL,
  PRIMARY KEY (community_id, user_id)
);
CREATE INDEX community_helpers_user ON community_helpers (user_id);

-- A delivery wave: what was ordered before one cut-off ships together.
CREATE TABLE community_waves (
  id           text PRIMARY KEY,
  community_id text        NOT NULL REFERENCES communities (id),
  cutoff_at    timestamptz NOT NULL,
  UNIQUE (community_id, cutoff_at)
);

-- An order collected at a pickup point. The code is made when the order is paid and is unique in
-- its community, so a code names one order there; `collect_by` is when an uncollected order lapses.
CREATE TABLE community_orders (
  order_id     text PRIMARY KEY REFERENCES orders (id),
  community_id text        NOT NULL REFERENCES communities (id),
  wave_id      text        NOT NULL REFERENCES community_waves (id),
  user_id      text        NOT NULL REFERENCES users (id),
  status       text        NOT NULL CHECK (status IN
                 ('awaiting_payment', 'awaiting_collection', 'collected', 'returned', 'closed')),
  code         text,
  paid_at      timestamptz,
  collect_by   timestamptz,
  reminded_at  timestamptz,
  collected_at timestamptz,
  collected_by text        REFERENCES users (id),
  created_at   timestamptz NOT NULL,
  UNIQUE (community_id, code)
);
CREATE INDEX community_orders_wave ON community_orders (wave_id, status);
CREATE INDEX community_orders_due ON community_orders (collect_by) WHERE status = 'awaiting_collection';
CREATE INDEX community_orders_community ON community_orders (community_id, status, created_at DESC);
