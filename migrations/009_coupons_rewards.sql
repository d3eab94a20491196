-- Coupons: templates the operator defines, and the coupons people hold.
CREATE TABLE coupon_templates (
  id               text PRIMARY KEY,
  title            text        NOT NULL,
  description      text        NOT NULL DEFAULT '',
  kind             text        NOT NULL CHECK (kind IN ('amount_off', 'percent_off')),
  amount_off       bigint      CHECK (amount_off > 0),                       -- minor units
  percent_off_bps  integer     CHECK (percent_off_bps BETWEEN 1 AND 10000),
  max_discount     bigint      CHECK (max_discount > 0),                     -- cap on a percent-off
  min_spend        bigint      NOT NULL DEFAULT 0 CHECK (min_spend >= 0),
  -- Only these products count towards the spend and the discount; null = the whole order.
  product_ids      text[],
  -- The claim window; also when the coupon can be used, unless valid_days is set.
  starts_at        timestamptz,
  ends_at          timestamptz,
  -- A claimed coupon is good for this many days after the claim.
  valid_days       integer     CHECK (valid_days > 0),
  per_user_limit   integer     NOT NULL CHECK (per_user_limit > 0),
  total_quantity   integer     CHECK (total_quantity > 0),                   -- null = unlimited
  issued           integer     NOT NULL DEFAULT 0,
  -- Share to unlock: claimable once this many different people opened the claimer's share links.
  share_to_unlock  integer     CHECK (share_to_unlock > 0),
  -- false: never shown in the coupon centre, only given out (invitation rewards).
  claimable        boolean     NOT NULL DEFAULT true,
  status           text        NOT NULL CHECK (status IN ('active', 'disabled')),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK ((kind = 'amount_off') = (amount_off IS NOT NULL)),
  CHECK ((kind = 'percent_off') = (percent_off_bps IS NOT NULL)),
  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at),
  -- Claims serialize on this row, so the count can never pass the quantity.
  CHECK (total_quantity IS NULL OR issued <= total_quantity)
);
CREATE INDEX coupon_templates_newest ON coupon_templates (created_at DESC, id DESC);

-- A coupon someone holds. Its terms are copied from the template at claim time, so editing a
-- template never changes what people already hold.
CREATE TABLE user_coupons (
  id               text PRIMARY KEY,
  template_id      text        NOT NULL REFERENCES coupon_templates (id),
  user_id          text        NOT NULL REFERENCES users (id),
  source           text        NOT NULL CHECK (source IN ('claim', 'invitation')),
  kind             text        NOT NULL,
  amount_off       bigint,
  percent_off_bps  integer,
  max_discount     bigint,
  min_spend        bigint      NOT NULL,
  product_ids      text[],
  claimed_at       timestamptz NOT NULL,
  valid_from       timestamptz NOT NULL,
  valid_until      timestamptz,                                             -- null = no end
  -- The order using it; cleared when that order is cancelled unpaid or refunded.
  order_id         text        REFERENCES orders (id),
  used_at          timestamptz,
  -- One coupon per order.
  UNIQUE (order_id)
);
CREATE INDEX user_coupons_holder ON user_coupons (user_id, claimed_at DESC, id DESC);
CREATE INDEX user_coupons_template_holder ON user_coupons (template_id, user_id);

-- Points: a ledger of postings; a balance is their sum. `ref` makes each posting happen once.
CREATE TABLE point_postings (
  id          text PRIMARY KEY,
  user_id     text        NOT NULL REFERENCES users (id),
  delta       integer     NOT NULL CHECK (delta <> 0),
  reason      text        NOT NULL,
  ref         text        NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL
);
CREATE INDEX point_postings_user ON point_postings (user_id, id DESC);

-- Invitation rewards: the operator's setting (one row; missing = no reward), and the rewards given.
CREATE TABLE invitation_reward_settings (
  id           integer PRIMARY KEY CHECK (id = 1),
  kind         text        NOT NULL CHECK (kind IN ('none', 'points', 'coupon')),
  points       integer     CHECK (points > 0),
  template_id  text        REFERENCES coupon_templates (id),
  updated_at   timestamptz NOT NULL,
  CHECK ((kind = 'points') = (points IS NOT NULL)),
  CHECK ((kind = 'coupon') = (template_id IS NOT NULL))
);

CREATE TABLE invitation_rewards (
  -- At most one reward per invited person, ever.
  invitee_id      text PRIMARY KEY REFERENCES users (id),
  inviter_id      text        NOT NULL REFERENCES users (id),
  order_id        text        NOT NULL REFERENCES orders (id),
  kind            text        NOT NULL CHECK (kind IN ('points', 'coupon')),
  points          integer,
  user_coupon_id  text        REFERENCES user_coupons (id),
  created_at      timestamptz NOT NULL,
  reversed_at     timestamptz
);
CREATE INDEX invitation_rewards_inviter ON invitation_rewards (inviter_id, created_at DESC);
