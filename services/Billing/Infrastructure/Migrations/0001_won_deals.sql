-- Won deals as Sales announced them (OpportunityClosedWon / OpportunityReopened): what an order is
-- generated from. version is the opportunity's version in the latest event applied, so a late or
-- repeated event never overwrites a newer one.
CREATE TABLE won_deals (
    opportunity_id uuid PRIMARY KEY,
    opportunity_name text NOT NULL,
    account_id uuid NOT NULL,
    account_name text NOT NULL,
    closed_at timestamptz NOT NULL,
    lines jsonb NOT NULL,
    has_retainer boolean NOT NULL,
    is_open boolean NOT NULL,
    version integer NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX ix_won_deals_account_id ON won_deals (account_id);
