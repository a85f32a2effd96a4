-- Integrations that call the API as themselves (client credentials); their secrets are hashed in
-- openiddict_applications under the same client_id.
CREATE TABLE api_clients (
    id uuid PRIMARY KEY,
    client_id text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL
);
CREATE UNIQUE INDEX ux_api_clients_client_id ON api_clients (client_id);
CREATE INDEX ix_api_clients_name ON api_clients (name);
