-- Tasks (tasks module): the operator defines them; progress comes from domain events only.
-- `coupon_template_id` names a coupons-module template without a foreign key: modules relate by
-- id, and the tasks service checks the template exists when the operator saves a task.
CREATE TABLE tasks (
  id                 text PRIMARY KEY,
  title              text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  kind               text        NOT NULL CHECK (kind IN ('check_in', 'first_order', 'share_products',
                       'invite_friend', 'write_review', 'finish_lesson', 'sell_through_links')),
  target             integer     NOT NULL CHECK (target BETWEEN 1 AND 1000),
  reward_points      integer     NOT NULL CHECK (reward_points BETWEEN 0 AND 1000000),
  coupon_template_id text,
  period             text        NOT NULL CHECK (period IN ('daily', 'weekly', 'once')),
  active             boolean     NOT NULL DEFAULT true,
  position           integer     NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX tasks_by_kind ON tasks (kind) WHERE active;

-- Each event counts once per task, person and period: the primary key is what makes a deferred
-- reaction that runs twice count once. `period_key` is the day, the ISO week's Monday, or 'once'.
CREATE TABLE task_progress_events (
  task_id    text        NOT NULL REFERENCES tasks (id),
  user_id    text        NOT NULL REFERENCES users (id),
  period_key text        NOT NULL,
  event_ref  text        NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (task_id, user_id, period_key, event_ref)
);

-- One completion (and so one reward) per task, person and period.
CREATE TABLE task_completions (
  task_id        text        NOT NULL REFERENCES tasks (id),
  user_id        text        NOT NULL REFERENCES users (id),
  period_key     text        NOT NULL,
  reward_points  integer     NOT NULL,
  user_coupon_id text,
  completed_at   timestamptz NOT NULL,
  PRIMARY KEY (task_id, user_id, period_key)
);
