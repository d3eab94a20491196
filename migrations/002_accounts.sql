-- Accounts: users, their roles, who invited whom, and revocable sessions.
CREATE TABLE users (
  id            text PRIMARY KEY,
  email         text        NOT NULL,
  name          text        NOT NULL,
  password_hash text        NOT NULL,
  roles         text[]      NOT NULL DEFAULT '{}',
  invite_code   text        NOT NULL UNIQUE,
  invited_by    text        REFERENCES users (id),
  created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_invited_by ON users (invited_by) WHERE invited_by IS NOT NULL;

-- Only a hash of each session token is stored: a leaked table does not leak sessions.
CREATE TABLE sessions (
  id          text PRIMARY KEY,
  token_hash  text        NOT NULL UNIQUE,
  user_id     text        NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);
