-- Daily check-ins, owned by the checkins module. One row per person per calendar day of the
-- platform's time zone: the primary key is what makes two taps at once earn once. A made-up day
-- (a make-up card filled a missed day) joins the streak but earns nothing; `points` is what the
-- row earned, `streak` the streak it completed when it was made.
CREATE TABLE check_ins (
  user_id     text        NOT NULL REFERENCES users (id),
  day         date        NOT NULL,
  made_up     boolean     NOT NULL DEFAULT false,
  streak      integer     NOT NULL CHECK (streak >= 1),
  points      integer     NOT NULL CHECK (points >= 0),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, day),
  CHECK (NOT made_up OR points = 0)
);

-- The operator's streak bonus table and make-up cards: one row, absent until first saved (the
-- module's defaults apply until then).
CREATE TABLE check_in_settings (
  id                       integer     PRIMARY KEY CHECK (id = 1),
  streak_points            integer[]   NOT NULL CHECK (cardinality(streak_points) = 7),
  beyond_points            integer     NOT NULL CHECK (beyond_points >= 0),
  make_up_cards_per_month  integer     NOT NULL CHECK (make_up_cards_per_month >= 0),
  updated_at               timestamptz NOT NULL
);
