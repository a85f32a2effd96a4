-- The cases report aggregates in PostgreSQL; these let it read only the cases asked for.

-- One owner's cases ("me") created within a period, grouped by status, priority and account from the index alone.
CREATE INDEX ix_cases_owner_created_at ON cases (owner_id, created_at) INCLUDE (status, priority, account_id);

-- The median time to close: the closed cases by when they closed.
CREATE INDEX ix_cases_closed_at ON cases (closed_at) INCLUDE (created_at, owner_id) WHERE status = 'Closed';
