-- The pipeline and won-revenue reports aggregate in PostgreSQL; these let them read only the deals asked for.

-- Won revenue: the Closed Won deals of a year, optionally one owner's.
CREATE INDEX ix_opportunities_won_close_date ON opportunities (close_date, owner_id) WHERE stage = 'ClosedWon';

-- The pipeline of one owner ("me"), optionally within close dates; stage and probability ride along so
-- the grouping needs no visit to the table.
CREATE INDEX ix_opportunities_owner_close_date ON opportunities (owner_id, close_date) INCLUDE (stage, probability);

-- Every report sums a deal's lines: the amount is read from the index alone. It also serves the foreign
-- key, so the plain index on opportunity_id goes.
CREATE INDEX ix_opportunity_line_items_opportunity_amount ON opportunity_line_items (opportunity_id) INCLUDE (quantity, sale_price);
DROP INDEX ix_opportunity_line_items_opportunity_id;
