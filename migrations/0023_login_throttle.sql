-- Failed sign-ins, counted per account name (known or not, so an unknown name behaves like a real
-- one), per account name and client address, and per client address. Each failure beyond a few
-- makes the next attempt under that key wait longer (ADR 5); nothing locks an account any more.
-- The account-wide wait is capped low, so a stranger's failures delay the owner only a little.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  wait_until timestamptz NOT NULL
);

-- Locks set before this change end now; the columns stay for the account list's history.
UPDATE users SET failed_logins = 0, locked_until = NULL WHERE locked_until IS NOT NULL OR failed_logins <> 0;
