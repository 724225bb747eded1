-- Notifications: what a user is told in the app (the bell) and, when SMTP is configured, by e-mail.
-- One row per user and event: `key` names the event ('deadline:12:round1:2026-03-20:7',
-- 'round1_closed:345'), so a scan run twice never tells anyone twice.

CREATE TABLE notifications (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  key text NOT NULL,
  -- What happened: 'deadline', 'round1_closed', 'round2_closed', 'explanation_requested'.
  kind text NOT NULL,
  -- The values its message is written from (campaign name, unit name, deadline, days left, …).
  params jsonb NOT NULL DEFAULT '{}',
  -- The page it is about, a path of the web app ('/campaigns/12/units/345').
  link text NOT NULL,
  campaign_id integer REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  -- E-mail: 'none' (no SMTP or no address when created), 'pending', 'sent', 'failed' (gave up).
  email_status text NOT NULL DEFAULT 'none' CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
  email_attempts integer NOT NULL DEFAULT 0,
  email_error text,
  -- Set by the process sending the e-mail, so two server processes never send it both.
  email_claimed_at timestamptz,
  emailed_at timestamptz,
  UNIQUE (user_id, key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_email_idx ON notifications (id) WHERE email_status = 'pending';
