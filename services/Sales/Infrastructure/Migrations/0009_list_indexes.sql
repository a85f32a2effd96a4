-- Lists at agency scale (tens of thousands of rows): every sort a list offers reads a page of 50 in index
-- order instead of sorting the whole filtered set, and the owner's name is a column of the row, not a join.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The owner's name as the lists show and sort it ("First Last", '' while the owner is unknown here), kept
-- in step with the user directory by the triggers below, so sorting by owner reads an index.
ALTER TABLE accounts ADD COLUMN owner_name text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN owner_name text NOT NULL DEFAULT '';

CREATE FUNCTION directory_user_name(user_id uuid) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce((SELECT u.first_name || ' ' || u.last_name FROM directory_users u WHERE u.id = user_id), '') $$;

-- A row that gets a new owner takes the owner's name with it.
CREATE FUNCTION set_owner_name() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.owner_name := directory_user_name(NEW.owner_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER accounts_owner_name BEFORE INSERT OR UPDATE OF owner_id ON accounts
    FOR EACH ROW EXECUTE FUNCTION set_owner_name();
CREATE TRIGGER contacts_owner_name BEFORE INSERT OR UPDATE OF owner_id ON contacts
    FOR EACH ROW EXECUTE FUNCTION set_owner_name();

-- A user who arrives in the directory, is renamed or leaves it renames the rows they own.
CREATE FUNCTION rename_owned_rows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    -- Not "name": a variable of that name would be ambiguous with the tables' columns.
    renamed_user uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    new_name text := directory_user_name(renamed_user);
BEGIN
    UPDATE accounts SET owner_name = new_name WHERE owner_id = renamed_user AND owner_name <> new_name;
    UPDATE contacts SET owner_name = new_name WHERE owner_id = renamed_user AND owner_name <> new_name;
    RETURN NULL;
END
$$;

CREATE TRIGGER directory_users_owner_names AFTER INSERT OR DELETE OR UPDATE OF first_name, last_name ON directory_users
    FOR EACH ROW EXECUTE FUNCTION rename_owned_rows();

UPDATE accounts SET owner_name = directory_user_name(owner_id);
UPDATE contacts SET owner_name = directory_user_name(owner_id);

-- The account list's search (q) as one lower-cased text: `search_text LIKE lower(pattern)` finds what
-- `name ILIKE pattern OR phone ILIKE pattern OR website ILIKE pattern` finds (PostgreSQL's ILIKE lower-cases
-- both sides), at a fraction of the cost per row when a pattern is too short for the trigram index
-- (two letters), and through one trigram index instead of three otherwise (name's stays: other lists search
-- account names).
ALTER TABLE accounts ADD COLUMN search_text text NOT NULL
    GENERATED ALWAYS AS (lower(name || E'\n' || coalesce(phone, '') || E'\n' || coalesce(website, ''))) STORED;
CREATE INDEX ix_accounts_search_text_trgm ON accounts USING gin (search_text gin_trgm_ops);
DROP INDEX ix_accounts_phone_trgm;
DROP INDEX ix_accounts_website_trgm;

-- Accounts: the list (active rows) sorts by these; the tie-breaker is id ascending in both directions, so a
-- descending sort has an index of its own.
CREATE INDEX ix_accounts_active_name_desc ON accounts (lower(name) DESC, id) WHERE is_active;
CREATE INDEX ix_accounts_active_type ON accounts (type, id) WHERE is_active;
CREATE INDEX ix_accounts_active_owner_name ON accounts (owner_name, id) WHERE is_active;

-- Contacts: the list's sorts.
CREATE INDEX ix_contacts_active_last_name ON contacts (lower(last_name), id) WHERE is_active;
CREATE INDEX ix_contacts_active_last_name_desc ON contacts (lower(last_name) DESC, id) WHERE is_active;
CREATE INDEX ix_contacts_active_first_name ON contacts (first_name, id) WHERE is_active;
CREATE INDEX ix_contacts_active_title ON contacts (title, id) WHERE is_active;
CREATE INDEX ix_contacts_active_owner_name ON contacts (owner_name, id) WHERE is_active;
