-- Services that link to or show records owned by another service keep this copy of them
-- (accounts now; contacts, opportunities, orders, cases later), fed by that service's events.
CREATE TABLE IF NOT EXISTS directory_records (
    record_type text NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL,
    account_id uuid NULL,
    owner_id uuid NULL,
    is_active boolean NOT NULL,
    version integer NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (record_type, id)
);
CREATE INDEX IF NOT EXISTS ix_directory_records_name ON directory_records (record_type, lower(name));
CREATE INDEX IF NOT EXISTS ix_directory_records_account_id ON directory_records (account_id);
CREATE INDEX IF NOT EXISTS ix_directory_records_owner_id ON directory_records (owner_id);
