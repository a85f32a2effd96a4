-- Identity's mail outbox: each mail is written in the same transaction as the change it tells about (a new user and
-- their set-password link, a password reset, a security notice) and sent by MailDispatcher when the SMTP server
-- takes it. It lives here, not in the broker: a set-password link is a credential, and it stays in the database
-- that issued it (its body is blanked once sent).
CREATE TABLE IF NOT EXISTS mail_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id uuid NOT NULL UNIQUE,
    kind text NOT NULL,
    user_id uuid NULL REFERENCES users (id),
    to_address text NOT NULL,
    to_name text NOT NULL DEFAULT '',
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text NULL,
    created_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NULL,
    last_error text NULL,
    sent_at timestamptz NULL,
    rejected_at timestamptz NULL
);
-- What the dispatcher scans: the mails still to send, oldest first.
CREATE INDEX IF NOT EXISTS ix_mail_outbox_pending ON mail_outbox (id) WHERE sent_at IS NULL AND rejected_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_mail_outbox_user_id ON mail_outbox (user_id);

-- Why a set-password link was issued: an admin's invite (72 hours) or "Forgot password?" (1 hour). Rows from before
-- are invites; the release before this one writes none other.
ALTER TABLE password_tokens ADD COLUMN IF NOT EXISTS purpose text NOT NULL DEFAULT 'Invite';
