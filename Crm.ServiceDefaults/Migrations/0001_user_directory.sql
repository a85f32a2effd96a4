-- Services that show users' names keep this copy of Identity's users, fed by its events.
CREATE TABLE IF NOT EXISTS directory_users (
    id uuid PRIMARY KEY,
    email text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    role text NOT NULL,
    is_active boolean NOT NULL,
    version integer NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_directory_users_last_name ON directory_users (last_name, first_name);
