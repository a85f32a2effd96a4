-- Every service: integration events written with the change that causes them, and the
-- messages already applied by each consumer.
CREATE TABLE IF NOT EXISTS outbox_messages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id uuid NOT NULL UNIQUE,
    message_type text NOT NULL,
    payload jsonb NOT NULL,
    occurred_at timestamptz NOT NULL,
    dispatched_at timestamptz NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NULL,
    last_error text NULL
);
CREATE INDEX IF NOT EXISTS ix_outbox_messages_pending ON outbox_messages (id) WHERE dispatched_at IS NULL;

CREATE TABLE IF NOT EXISTS inbox_messages (
    message_id uuid NOT NULL,
    consumer text NOT NULL,
    message_type text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
