-- Honours (badges with bronze/silver/gold tiers), owned by the honours module. Counts are fed by
-- deferred reactions to domain events, which may run twice: each observation is recorded once by
-- its ref (a customer's id, a lesson's id, a check-in's day), so a replayed job counts nothing.
CREATE TABLE honour_observations (
  user_id     text        NOT NULL REFERENCES users (id),
  badge       text        NOT NULL,
  ref         text        NOT NULL,
  value       integer     NOT NULL CHECK (value >= 0),
  observed_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, badge, ref)
);

-- A badge's count per person: distinct refs, or the best value seen (rules.ts says which).
CREATE TABLE honour_counts (
  user_id     text        NOT NULL REFERENCES users (id),
  badge       text        NOT NULL,
  count       integer     NOT NULL CHECK (count >= 0),
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, badge)
);

-- Every tier a person has reached, each once: holding gold means rows for bronze, silver and gold.
-- Never deleted: an honour once earned stays.
CREATE TABLE honour_badges (
  user_id     text        NOT NULL REFERENCES users (id),
  badge       text        NOT NULL,
  tier        text        NOT NULL CHECK (tier IN ('bronze', 'silver', 'gold')),
  granted_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, badge, tier)
);
CREATE INDEX honour_badges_holders ON honour_badges (badge, tier, granted_at DESC);
