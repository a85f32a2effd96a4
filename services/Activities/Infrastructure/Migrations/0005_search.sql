-- Global search (GET /internal/v1/search): cases by number and subject. A trigram index on exactly the
-- expression Apis/SearchSources.cs queries; fuzzystrmatch for the typo check's Levenshtein distance.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE INDEX ix_cases_search ON cases USING gin (lower(case_number || ' ' || subject) gin_trgm_ops);
