-- People and roles: an operator disables an account (its sessions are revoked in the same
-- transaction; sign-in and earning check `disabled_at`), and a forgotten password is reset by a
-- single-use emailed link.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
ALTER TABLE users ADD COLUMN disabled_by text REFERENCES users (id);
-- The console's people list: newest first, filtered by sign-up date and role, searched by part of
-- the email or name (pg_trgm, from migration 026, serves ILIKE '%…%').
CREATE INDEX users_created ON users (created_at DESC, id DESC);
CREATE INDEX users_roles ON users USING gin (roles);
CREATE INDEX users_search ON users USING gin (email gin_trgm_ops, name gin_trgm_ops);

-- Only the token's hash is kept: a leaked table resets nobody's password.
CREATE TABLE password_resets (
  token_hash  text PRIMARY KEY,
  user_id     text        NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id, created_at DESC);
