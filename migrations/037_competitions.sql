-- Competitions and leaderboards: the operator's competitions, each counted event, the scores they
-- add up to, the prizes paid, and who chose not to be listed.

CREATE TABLE competitions (
  id            text PRIMARY KEY,
  title         text        NOT NULL,
  description   text        NOT NULL DEFAULT '',
  metric        text        NOT NULL CHECK (metric IN ('settled_sales', 'new_customers', 'team_growth')),
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz NOT NULL,
  -- [{ fromRank, toRank, kind, points?, couponTemplateId?, amount? }], ranges that never overlap.
  prizes        jsonb       NOT NULL DEFAULT '[]',
  status        text        NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'awarded')),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  awarded_at    timestamptz,
  CHECK (starts_at < ends_at)
);
CREATE INDEX competitions_open ON competitions (metric, starts_at, ends_at) WHERE status = 'scheduled';
CREATE INDEX competitions_listing ON competitions (starts_at DESC, id DESC) WHERE status <> 'cancelled';

-- Each event counted once per competition: a redelivered event hits the primary key and adds nothing.
CREATE TABLE competition_entries (
  competition_id  text        NOT NULL REFERENCES competitions (id),
  ref             text        NOT NULL,
  user_id         text        NOT NULL REFERENCES users (id),
  points          bigint      NOT NULL CHECK (points > 0),
  occurred_at     timestamptz NOT NULL,
  PRIMARY KEY (competition_id, ref)
);

-- A person's score: the sum of their entries, and when they reached it (their latest entry's time).
CREATE TABLE competition_scores (
  competition_id  text        NOT NULL REFERENCES competitions (id),
  user_id         text        NOT NULL REFERENCES users (id),
  score           bigint      NOT NULL CHECK (score > 0),
  reached_at      timestamptz NOT NULL,
  -- The rank the person ended on when prizes were paid (null while running, or when not listed then).
  final_rank      integer,
  PRIMARY KEY (competition_id, user_id)
);
CREATE INDEX competition_scores_ranking ON competition_scores (competition_id, score DESC, reached_at, user_id);

-- One prize per person and competition, whatever runs the award twice.
CREATE TABLE competition_prizes (
  competition_id      text        NOT NULL REFERENCES competitions (id),
  user_id             text        NOT NULL REFERENCES users (id),
  rank                integer     NOT NULL CHECK (rank > 0),
  kind                text        NOT NULL CHECK (kind IN ('points', 'coupon', 'commission_bonus')),
  points              integer,
  coupon_template_id  text,
  amount              bigint,
  -- The coupon given, or null when its template could give none (disabled, used up).
  user_coupon_id      text,
  awarded_at          timestamptz NOT NULL,
  PRIMARY KEY (competition_id, user_id),
  UNIQUE (competition_id, rank)
);

-- People who asked not to be listed on any leaderboard (no row: listed).
CREATE TABLE leaderboard_preferences (
  user_id     text PRIMARY KEY REFERENCES users (id),
  listed      boolean     NOT NULL,
  updated_at  timestamptz NOT NULL
);
