CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE accounts (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    phone text NULL,
    website text NULL,
    type text NULL,
    description text NULL,
    billing_address text NULL,
    shipping_address text NULL,
    parent_account_id uuid NULL REFERENCES accounts (id),
    owner_id uuid NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL
);
CREATE INDEX ix_accounts_parent_account_id ON accounts (parent_account_id);
CREATE INDEX ix_accounts_owner_id ON accounts (owner_id);
CREATE INDEX ix_accounts_type ON accounts (type);
-- The list shows active accounts only; its sorts page through these.
CREATE INDEX ix_accounts_active_name ON accounts (lower(name), id) WHERE is_active;
CREATE INDEX ix_accounts_active_phone ON accounts (phone, id) WHERE is_active;
CREATE INDEX ix_accounts_active_website ON accounts (website, id) WHERE is_active;
CREATE INDEX ix_accounts_active_created_at ON accounts (created_at, id) WHERE is_active;
CREATE INDEX ix_accounts_active_updated_at ON accounts (updated_at, id) WHERE is_active;
-- Search as you type: substring matches on name, phone and website.
CREATE INDEX ix_accounts_name_trgm ON accounts USING gin (name gin_trgm_ops);
CREATE INDEX ix_accounts_phone_trgm ON accounts USING gin (phone gin_trgm_ops);
CREATE INDEX ix_accounts_website_trgm ON accounts USING gin (website gin_trgm_ops);
