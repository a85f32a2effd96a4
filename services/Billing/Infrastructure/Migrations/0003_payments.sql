-- Money received (or expected) against an order. Voided, never deleted.
CREATE TABLE payments (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES orders (id),
    amount numeric(12,2) NOT NULL CHECK (amount > 0),
    payment_date date NOT NULL,
    payment_method text NOT NULL,
    status text NOT NULL,
    transaction_id text NULL,
    notes text NULL,
    service_period_start date NULL,
    service_period_end date NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL,
    CHECK (service_period_end IS NULL OR service_period_start IS NULL OR service_period_end >= service_period_start)
);
CREATE INDEX ix_payments_order_id ON payments (order_id, status);
CREATE INDEX ix_payments_payment_date ON payments (payment_date, id);
CREATE INDEX ix_payments_status ON payments (status);
CREATE INDEX ix_payments_payment_method ON payments (payment_method);
CREATE INDEX ix_payments_service_period_start ON payments (service_period_start);

CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
