-- Global search (GET /internal/v1/search): one trigram index per type on the lower-case text of every searched
-- field, so LIKE '%text%' and the typo check's word similarity are served by the index. Each expression and
-- WHERE is exactly what Apis/SearchSources.cs queries (what the lists show: active accounts and contacts,
-- leads not converted). fuzzystrmatch gives the Levenshtein distance the typo check ends with.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE INDEX ix_accounts_search ON accounts
    USING gin (lower(name || ' ' || coalesce(phone, '') || ' ' || coalesce(website, '')) gin_trgm_ops)
    WHERE is_active;
CREATE INDEX ix_contacts_search ON contacts
    USING gin (lower(coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops)
    WHERE is_active;
CREATE INDEX ix_leads_search ON leads
    USING gin (lower(coalesce(first_name, '') || ' ' || last_name || ' ' || company || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(website, '')) gin_trgm_ops)
    WHERE status <> 'Converted';
CREATE INDEX ix_opportunities_search ON opportunities USING gin (lower(name) gin_trgm_ops);
