-- The language a person reads (accounts): notifications and emails are written in it.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-CN'));

-- In-app notifications (notifications module). One per person and event: `subject` is the id of
-- what the event is about (order, commission, group, withdrawal, after-sale), so a deferred
-- reaction that runs twice writes one row.
CREATE TABLE notifications (
  id          text        PRIMARY KEY,
  user_id     text        NOT NULL REFERENCES users (id),
  type        text        NOT NULL,
  subject     text        NOT NULL,
  title       text        NOT NULL,
  body        text        NOT NULL,
  link        text        NOT NULL,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz,
  -- Set once the email went out (at least once: a crash right after sending may send it again).
  emailed_at  timestamptz,
  UNIQUE (user_id, type, subject)
);
-- ids are time-ordered (uuidv7): newest first is id DESC.
CREATE INDEX notifications_inbox ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Whether a person gets email for a type; no row means the type's default.
CREATE TABLE notification_preferences (
  user_id     text        NOT NULL REFERENCES users (id),
  type        text        NOT NULL,
  email       boolean     NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, type)
);
