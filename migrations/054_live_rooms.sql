-- Live rooms (issue 13): a host schedules a session, pins products during it, viewers chat.
-- Every change a viewer must see (a message, a pin, a state change, a hidden message) is also a
-- row of live_room_events numbered per room (`seq`), taken under the room's row lock: a stream in
-- any process reads "events after N" and never misses one that commits late with a lower number.

-- Uploaded videos (the uploads module's): bytes in the object storage under `<hash>.<ext>`.
CREATE TABLE upload_videos (
  id            text PRIMARY KEY,
  owner_id      text        NOT NULL REFERENCES users (id),
  content_hash  text        NOT NULL,
  media_type    text        NOT NULL CHECK (media_type IN ('video/mp4', 'video/webm')),
  bytes         bigint      NOT NULL CHECK (bytes > 0),
  created_at    timestamptz NOT NULL
);
CREATE INDEX upload_videos_owner ON upload_videos (owner_id, id);

CREATE TABLE live_rooms (
  id             text PRIMARY KEY,
  host_id        text        NOT NULL REFERENCES users (id),
  title          text        NOT NULL,
  description    text        NOT NULL DEFAULT '',
  starts_at      timestamptz NOT NULL,
  stream_url     text,
  video_id       text,
  video_url      text,
  status         text        NOT NULL CHECK (status IN ('scheduled', 'live', 'ended', 'cancelled')),
  started_at     timestamptz,
  ended_at       timestamptz,
  last_seq       integer     NOT NULL DEFAULT 0,
  peak_viewers   integer     NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  CHECK (stream_url IS NOT NULL OR video_url IS NOT NULL)
);
CREATE INDEX live_rooms_status ON live_rooms (status, starts_at);
CREATE INDEX live_rooms_host ON live_rooms (host_id, id);

CREATE TABLE live_pins (
  id           text PRIMARY KEY,
  room_id      text        NOT NULL REFERENCES live_rooms (id),
  product_id   text        NOT NULL,
  pinned_at    timestamptz NOT NULL,
  -- Milliseconds from the session's start: where a replay shows (and hides) the pin.
  at_ms        bigint      NOT NULL CHECK (at_ms >= 0),
  unpinned_at  timestamptz,
  until_ms     bigint CHECK (until_ms >= at_ms),
  clicks       integer     NOT NULL DEFAULT 0
);
CREATE INDEX live_pins_room ON live_pins (room_id, at_ms);
-- At most one pin shows at a time.
CREATE UNIQUE INDEX live_pins_current ON live_pins (room_id) WHERE unpinned_at IS NULL;

CREATE TABLE live_messages (
  id             text PRIMARY KEY,
  room_id        text        NOT NULL REFERENCES live_rooms (id),
  author_id      text        NOT NULL REFERENCES users (id),
  body           text        NOT NULL,
  at_ms          bigint      NOT NULL CHECK (at_ms >= 0),
  hidden         boolean     NOT NULL DEFAULT false,
  hidden_reason  text,
  created_at     timestamptz NOT NULL
);
CREATE INDEX live_messages_room ON live_messages (room_id, id);

CREATE TABLE live_room_events (
  room_id     text        NOT NULL REFERENCES live_rooms (id),
  seq         integer     NOT NULL,
  type        text        NOT NULL CHECK (type IN ('message', 'pin', 'unpin', 'state', 'hide')),
  -- The message an event is about, so a hidden message is left out of a catch-up.
  message_id  text,
  data        jsonb       NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (room_id, seq)
);

-- Who watched (signed in: their id; else the device cookie): total viewers are distinct keys.
CREATE TABLE live_viewers (
  room_id     text        NOT NULL REFERENCES live_rooms (id),
  viewer_key  text        NOT NULL,
  first_seen  timestamptz NOT NULL,
  PRIMARY KEY (room_id, viewer_key)
);

-- Open streams per process, refreshed while they last: concurrent viewers across processes.
CREATE TABLE live_presence (
  room_id     text        NOT NULL REFERENCES live_rooms (id),
  process_id  text        NOT NULL,
  streams     integer     NOT NULL CHECK (streams >= 0),
  seen_at     timestamptz NOT NULL,
  PRIMARY KEY (room_id, process_id)
);
