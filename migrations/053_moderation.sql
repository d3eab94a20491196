-- Reports, owned by the moderation module (issue 13): anyone signed in reports a post, comment, chat
-- message or review; one open report per person and item (the partial unique index makes reporting
-- again idempotent). The operator's decision closes every open report of the item at once.
-- Items and people are plain ids: the module that owns the content answers for it.
CREATE TABLE moderation_reports (
  id           text PRIMARY KEY,
  item_type    text        NOT NULL CHECK (item_type IN ('post', 'comment', 'chat_message', 'review')),
  item_id      text        NOT NULL,
  reporter_id  text        NOT NULL,
  reason       text        NOT NULL CHECK (reason IN ('spam', 'abuse', 'fake', 'inappropriate', 'other')),
  note         text,
  status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'actioned', 'dismissed')),
  created_at   timestamptz NOT NULL,
  decided_at   timestamptz,
  decided_by   text,
  CHECK ((status = 'open') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX moderation_reports_one_open
  ON moderation_reports (item_type, item_id, reporter_id) WHERE status = 'open';
CREATE INDEX moderation_reports_queue ON moderation_reports (status, item_type, item_id, created_at);

-- Bans from posting: until `ends_at` (null: until lifted). Lifting keeps the row, so the history stays.
CREATE TABLE moderation_bans (
  id          text PRIMARY KEY,
  user_id     text        NOT NULL,
  reason      text        NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz,
  created_by  text        NOT NULL,
  lifted_at   timestamptz,
  lifted_by   text,
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX moderation_bans_user ON moderation_bans (user_id, starts_at DESC);
