-- Every service: the answers to requests sent with an Idempotency-Key, kept 24 hours so a retry gets
-- the original answer instead of doing the work again. A row is written in the same transaction as the
-- work it protects, and only for a 2xx answer: a key without a row was never used successfully.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    user_id uuid NOT NULL,
    idempotency_key text NOT NULL,
    request_method text NOT NULL,
    request_path text NOT NULL,
    request_hash bytea NOT NULL,
    created_at timestamptz NOT NULL,
    status_code integer NULL,
    content_type text NULL,
    location text NULL,
    body bytea NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS ix_idempotency_keys_created_at ON idempotency_keys (created_at);
