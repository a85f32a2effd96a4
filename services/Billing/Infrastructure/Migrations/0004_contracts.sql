CREATE SEQUENCE contract_number_seq;

-- A retainer agreement, generated once from a won deal that holds a retainer product. Only Active and
-- Cancelled are stored: Expired is computed (an Active contract whose end_date has passed).
CREATE TABLE contracts (
    id uuid PRIMARY KEY,
    number bigint NOT NULL UNIQUE,
    contract_number text NOT NULL UNIQUE,
    account_id uuid NOT NULL,
    opportunity_id uuid NOT NULL REFERENCES won_deals (opportunity_id),
    start_date date NOT NULL,
    end_date date NOT NULL,
    billing_cycle text NOT NULL,
    price_per_cycle numeric(12,2) NOT NULL CHECK (price_per_cycle > 0),
    status text NOT NULL CHECK (status IN ('Active', 'Cancelled')),
    notes text NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL,
    CHECK (end_date > start_date)
);
-- One contract per opportunity, whatever the races.
CREATE UNIQUE INDEX ux_contracts_opportunity_id ON contracts (opportunity_id);
CREATE INDEX ix_contracts_account_id ON contracts (account_id);
CREATE INDEX ix_contracts_status ON contracts (status, end_date);
CREATE TRIGGER contracts_never_deleted BEFORE DELETE ON contracts
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A payment is against an order or a contract: exactly one of them.
ALTER TABLE payments ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE payments ADD COLUMN contract_id uuid NULL REFERENCES contracts (id);
ALTER TABLE payments ADD CONSTRAINT ck_payments_order_or_contract CHECK (num_nonnulls(order_id, contract_id) = 1);
-- Contract payments cover a service period.
ALTER TABLE payments ADD CONSTRAINT ck_payments_contract_service_period
    CHECK (contract_id IS NULL OR (service_period_start IS NOT NULL AND service_period_end IS NOT NULL));
CREATE INDEX ix_payments_contract_id ON payments (contract_id, status);
