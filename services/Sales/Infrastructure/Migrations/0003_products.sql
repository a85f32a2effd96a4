CREATE TABLE products (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    description text NULL,
    standard_list_price numeric(12,2) NOT NULL,
    is_retainer_product boolean NOT NULL DEFAULT false,
    is_active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL
);
CREATE INDEX ix_products_name ON products (lower(name), id);
CREATE INDEX ix_products_price ON products (standard_list_price, id);
CREATE INDEX ix_products_is_active ON products (is_active, lower(name));
CREATE INDEX ix_products_created_at ON products (created_at, id);
CREATE INDEX ix_products_name_trgm ON products USING gin (name gin_trgm_ops);
