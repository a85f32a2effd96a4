CREATE TABLE users (
    id uuid PRIMARY KEY,
    email text NOT NULL,
    normalized_email text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    role text NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    password_hash text NULL,
    failed_login_count integer NOT NULL DEFAULT 0,
    lockout_end timestamptz NULL,
    last_login_at timestamptz NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NULL
);
CREATE UNIQUE INDEX ux_users_normalized_email ON users (normalized_email);
CREATE INDEX ix_users_name ON users (last_name, first_name);
CREATE INDEX ix_users_role ON users (role);
CREATE INDEX ix_users_is_active ON users (is_active);
CREATE INDEX ix_users_created_at ON users (created_at);
CREATE INDEX ix_users_updated_at ON users (updated_at);

CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    session_id uuid NOT NULL,
    token_hash text NOT NULL,
    remember_me boolean NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NULL,
    replaced_by_id uuid NULL
);
CREATE UNIQUE INDEX ux_refresh_tokens_token_hash ON refresh_tokens (token_hash);
CREATE INDEX ix_refresh_tokens_user_id ON refresh_tokens (user_id);
CREATE INDEX ix_refresh_tokens_session_id ON refresh_tokens (session_id);

CREATE TABLE password_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    token_hash text NOT NULL,
    created_at timestamptz NOT NULL,
    created_by uuid NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz NULL
);
CREATE UNIQUE INDEX ux_password_tokens_token_hash ON password_tokens (token_hash);
CREATE INDEX ix_password_tokens_user_id ON password_tokens (user_id);

CREATE TABLE signing_keys (
    id text PRIMARY KEY,
    rsa_private_key text NOT NULL,
    created_at timestamptz NOT NULL
);
