-- Accounts: failed sign-ins per account, counted here (not in process memory) so the limit holds
-- across every server process and every address the guesses come from.
CREATE TABLE login_failures (
  user_id      text PRIMARY KEY REFERENCES users (id),
  failures     integer     NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);
