-- A short second line for lookups (a lead's company, an order's or a case's number), and
-- substring search on names ("Related To" / "Name" lookups search as you type).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE directory_records ADD COLUMN IF NOT EXISTS detail text NULL;
CREATE INDEX IF NOT EXISTS ix_directory_records_name_trgm ON directory_records USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_directory_records_detail_trgm ON directory_records USING gin (detail gin_trgm_ops);
