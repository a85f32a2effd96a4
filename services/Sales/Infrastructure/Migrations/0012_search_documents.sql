-- Global search's contact and lead documents as stored generated columns: a two-letter search (no trigram to
-- look up) reads every row's document, and the rank reads a matched row's again; stored, each is concatenated
-- and lower-cased once per write instead of on every search. The expressions are 0007's, so the same rows match;
-- their trigram indexes move to the columns (with the same WHERE).
ALTER TABLE contacts ADD COLUMN search_document text NOT NULL
    GENERATED ALWAYS AS (lower(coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, ''))) STORED;
CREATE INDEX ix_contacts_search_document_trgm ON contacts USING gin (search_document gin_trgm_ops) WHERE is_active;
DROP INDEX ix_contacts_search;

ALTER TABLE leads ADD COLUMN search_document text NOT NULL
    GENERATED ALWAYS AS (lower(coalesce(first_name, '') || ' ' || last_name || ' ' || company || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(website, ''))) STORED;
CREATE INDEX ix_leads_search_document_trgm ON leads USING gin (search_document gin_trgm_ops) WHERE status <> 'Converted';
DROP INDEX ix_leads_search;
