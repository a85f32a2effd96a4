-- Global search (GET /internal/v1/search): orders and contracts by number. Trigram indexes on exactly the
-- expressions Apis/SearchSources.cs queries; fuzzystrmatch for the typo check's Levenshtein distance.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE INDEX ix_orders_search ON orders USING gin (lower(order_number) gin_trgm_ops);
CREATE INDEX ix_contracts_search ON contracts USING gin (lower(contract_number) gin_trgm_ops);
