-- The contact list's search (q matches the contact's name or its account's name) as one lower-cased text with
-- a trigram index, as accounts' search_text (0009): `search_text LIKE lower(pattern)` finds what
-- `name ILIKE pattern OR account.name ILIKE pattern` finds without joining every contact to its account and
-- lower-casing both per row. The account's name lives in another table, so triggers keep the column, not a
-- generated expression: a contact written or moved takes its account's name, a renamed account renames its
-- contacts'. The name is the list's (btrim(first || ' ' || last)), so the same texts match.
ALTER TABLE contacts ADD COLUMN search_text text NOT NULL DEFAULT '';

CREATE FUNCTION contact_search_text(first_name text, last_name text, account_name text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower(btrim(coalesce(first_name, '') || ' ' || last_name, E' \t\n\r') || E'\n' || coalesce(account_name, '')) $$;

CREATE FUNCTION set_contact_search_text() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.search_text := contact_search_text(NEW.first_name, NEW.last_name, (SELECT a.name FROM accounts a WHERE a.id = NEW.account_id));
    RETURN NEW;
END
$$;

CREATE TRIGGER contacts_search_text BEFORE INSERT OR UPDATE OF first_name, last_name, account_id ON contacts
    FOR EACH ROW EXECUTE FUNCTION set_contact_search_text();

CREATE FUNCTION rename_account_contacts() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE contacts c SET search_text = contact_search_text(c.first_name, c.last_name, NEW.name) WHERE c.account_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER accounts_contacts_search_text AFTER UPDATE OF name ON accounts
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION rename_account_contacts();

UPDATE contacts c SET search_text = contact_search_text(c.first_name, c.last_name, a.name) FROM accounts a WHERE a.id = c.account_id;

CREATE INDEX ix_contacts_search_text_trgm ON contacts USING gin (search_text gin_trgm_ops);
-- The name's own trigram index (0002) never served the list (its expression is not the list's trimmed name),
-- and nothing else searches that expression: one index less to keep up to date.
DROP INDEX ix_contacts_name_trgm;
