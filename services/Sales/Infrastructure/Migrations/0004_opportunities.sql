CREATE TABLE opportunities (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    stage text NOT NULL,
    close_date date NULL,
    probability integer NOT NULL,
    next_step text NULL,
    description text NULL,
    lead_source text NULL,
    account_id uuid NOT NULL REFERENCES accounts (id),
    owner_id uuid NOT NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL
);
CREATE INDEX ix_opportunities_account_id ON opportunities (account_id);
CREATE INDEX ix_opportunities_owner_id ON opportunities (owner_id);
CREATE INDEX ix_opportunities_stage ON opportunities (stage, lower(name), id);
CREATE INDEX ix_opportunities_name ON opportunities (lower(name), id);
CREATE INDEX ix_opportunities_close_date ON opportunities (close_date, id);
CREATE INDEX ix_opportunities_created_at ON opportunities (created_at, id);
CREATE INDEX ix_opportunities_name_trgm ON opportunities USING gin (name gin_trgm_ops);

-- Amounts are never stored: they are the sum of these lines.
CREATE TABLE opportunity_line_items (
    id uuid PRIMARY KEY,
    opportunity_id uuid NOT NULL REFERENCES opportunities (id),
    product_id uuid NOT NULL REFERENCES products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    sale_price numeric(12,2) NOT NULL CHECK (sale_price >= 0),
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_opportunity_line_items_opportunity_id ON opportunity_line_items (opportunity_id);
CREATE INDEX ix_opportunity_line_items_product_id ON opportunity_line_items (product_id);

CREATE TABLE opportunity_contact_roles (
    id uuid PRIMARY KEY,
    opportunity_id uuid NOT NULL REFERENCES opportunities (id),
    contact_id uuid NOT NULL REFERENCES contacts (id),
    role text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_opportunity_contact_roles_opportunity_id ON opportunity_contact_roles (opportunity_id);
CREATE UNIQUE INDEX ux_opportunity_contact_roles_contact ON opportunity_contact_roles (opportunity_id, contact_id);
CREATE INDEX ix_opportunity_contact_roles_contact_id ON opportunity_contact_roles (contact_id);
