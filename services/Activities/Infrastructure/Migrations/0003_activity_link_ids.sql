-- The account timeline looks activities up by the linked record's id alone (GET /activities?account_id=).
CREATE INDEX IF NOT EXISTS ix_activities_what_id ON activities (what_id) WHERE what_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_activities_who_id ON activities (who_id) WHERE who_id IS NOT NULL;
