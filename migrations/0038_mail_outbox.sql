-- The outbox (ADR 43): without an SMTP server, every e-mail a notice would have been sent as is
-- kept here, rendered (recipient, subject, text) as it would have left, for an administrator to
-- read. A notice whose mail was kept has e-mail status 'kept'; it is kept once (one row per notice).
ALTER TABLE notifications DROP CONSTRAINT notifications_email_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_email_status_check
  CHECK (email_status IN ('none', 'pending', 'sent', 'failed', 'kept'));

CREATE TABLE mail_outbox (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The notice the mail was written from (null once that notice is gone with its account).
  notification_id integer UNIQUE REFERENCES notifications (id) ON DELETE SET NULL DEFERRABLE,
  user_id integer REFERENCES users (id) ON DELETE SET NULL DEFERRABLE,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  -- The language it was written in ('vi', 'en'), the recipient's at the time.
  locale text NOT NULL,
  created_at timestamptz NOT NULL
);
