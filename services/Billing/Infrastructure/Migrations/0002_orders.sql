CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE order_number_seq;

-- An order's total is never stored: it is the sum of its lines.
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    number bigint NOT NULL UNIQUE,
    order_number text NOT NULL UNIQUE,
    order_date date NOT NULL,
    status text NOT NULL,
    account_id uuid NOT NULL,
    opportunity_id uuid NOT NULL REFERENCES won_deals (opportunity_id),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL
);
-- One order per opportunity, whatever the races.
CREATE UNIQUE INDEX ux_orders_opportunity_id ON orders (opportunity_id);
CREATE INDEX ix_orders_account_id ON orders (account_id);
CREATE INDEX ix_orders_status ON orders (status, number);
CREATE INDEX ix_orders_order_date ON orders (order_date, id);
CREATE INDEX ix_orders_order_number_trgm ON orders USING gin (order_number gin_trgm_ops);

-- What was bought, at the price agreed: copied once from the won deal, never changed.
CREATE TABLE order_line_items (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES orders (id),
    position integer NOT NULL,
    product_id uuid NOT NULL,
    product_name text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    price_at_purchase numeric(12,2) NOT NULL CHECK (price_at_purchase >= 0),
    is_retainer_product boolean NOT NULL
);
CREATE INDEX ix_order_line_items_order_id ON order_line_items (order_id, position);
CREATE INDEX ix_order_line_items_product_id ON order_line_items (product_id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER order_line_items_immutable BEFORE UPDATE OR DELETE ON order_line_items
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER orders_never_deleted BEFORE DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
