-- Every service: a counter bumped after each committed write, so a list's total can be kept between pages
-- and reused until anything changes (ListCountCache). A sequence, not a row: nextval takes no lock, so
-- writers never queue on it, and its value is seen at once, outside any transaction.
CREATE SEQUENCE IF NOT EXISTS list_count_generation;

-- The database's name with the counter, so totals kept in memory are never mixed between databases.
CREATE OR REPLACE FUNCTION list_count_generation() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT current_database() || '#' || last_value FROM list_count_generation $$;
