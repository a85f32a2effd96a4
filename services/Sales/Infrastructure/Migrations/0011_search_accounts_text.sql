-- Global search's account document is now the account list's search_text (0009: name, phone and website, lower
-- case, one per line) through its trigram index: the same fields, read from the row instead of concatenated and
-- lower-cased per row, and one trigram index on accounts to keep up to date instead of two.
DROP INDEX ix_accounts_search;
