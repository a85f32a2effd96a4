CREATE TABLE leads (
    id uuid PRIMARY KEY,
    first_name text NULL,
    last_name text NOT NULL,
    company text NOT NULL,
    title text NULL,
    email text NULL,
    phone text NULL,
    website text NULL,
    address text NULL,
    status text NOT NULL,
    lead_source text NULL,
    industry text NULL,
    description text NULL,
    owner_id uuid NOT NULL,
    converted_account_id uuid NULL REFERENCES accounts (id),
    converted_contact_id uuid NULL REFERENCES contacts (id),
    converted_opportunity_id uuid NULL REFERENCES opportunities (id),
    converted_at timestamptz NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL
);
CREATE INDEX ix_leads_owner_id ON leads (owner_id);
CREATE INDEX ix_leads_status ON leads (status);
CREATE INDEX ix_leads_lead_source ON leads (lead_source);
CREATE INDEX ix_leads_name ON leads (lower(last_name), lower(first_name), id);
CREATE INDEX ix_leads_company ON leads (lower(company), id);
CREATE INDEX ix_leads_created_at ON leads (created_at, id);
CREATE INDEX ix_leads_converted_account_id ON leads (converted_account_id);
CREATE INDEX ix_leads_converted_contact_id ON leads (converted_contact_id);
CREATE INDEX ix_leads_converted_opportunity_id ON leads (converted_opportunity_id);
CREATE INDEX ix_leads_company_trgm ON leads USING gin (company gin_trgm_ops);
