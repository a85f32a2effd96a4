CREATE TABLE contacts (
    id uuid PRIMARY KEY,
    first_name text NULL,
    last_name text NOT NULL,
    title text NULL,
    email text NULL,
    phone text NULL,
    description text NULL,
    reports_to_id uuid NULL REFERENCES contacts (id),
    account_id uuid NOT NULL REFERENCES accounts (id),
    owner_id uuid NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL
);
CREATE INDEX ix_contacts_account_id ON contacts (account_id);
CREATE INDEX ix_contacts_reports_to_id ON contacts (reports_to_id);
CREATE INDEX ix_contacts_owner_id ON contacts (owner_id);
-- One active contact per email address (the spec keeps emails unique); inactive ones keep theirs.
CREATE UNIQUE INDEX ux_contacts_active_email ON contacts (lower(email)) WHERE is_active AND email IS NOT NULL;
CREATE INDEX ix_contacts_active_name ON contacts (lower(last_name), lower(first_name), id) WHERE is_active;
CREATE INDEX ix_contacts_active_email ON contacts (email, id) WHERE is_active;
CREATE INDEX ix_contacts_active_phone ON contacts (phone, id) WHERE is_active;
CREATE INDEX ix_contacts_active_created_at ON contacts (created_at, id) WHERE is_active;
CREATE INDEX ix_contacts_name_trgm ON contacts USING gin ((coalesce(first_name, '') || ' ' || last_name) gin_trgm_ops);
