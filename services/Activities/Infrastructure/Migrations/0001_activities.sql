CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Tasks and events in one table (the spec's model): the columns of the other type stay empty.
-- what/who are links to records of other services (and to cases), checked against directory_records.
CREATE TABLE activities (
    id uuid PRIMARY KEY,
    type text NOT NULL CHECK (type IN ('Task', 'Event')),
    subject text NOT NULL,
    description text NULL,
    status text NULL,
    priority text NULL,
    due_date date NULL,
    start_time timestamptz NULL,
    end_time timestamptz NULL,
    is_all_day_event boolean NOT NULL DEFAULT false,
    location text NULL,
    assigned_to_id uuid NOT NULL,
    what_type text NULL,
    what_id uuid NULL,
    who_type text NULL,
    who_id uuid NULL,
    scheduled_at timestamptz NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL,
    CONSTRAINT ck_activities_task CHECK (type <> 'Task' OR (status IS NOT NULL AND priority IS NOT NULL
        AND start_time IS NULL AND end_time IS NULL AND location IS NULL AND NOT is_all_day_event)),
    CONSTRAINT ck_activities_event CHECK (type <> 'Event' OR (start_time IS NOT NULL AND end_time IS NOT NULL AND end_time >= start_time
        AND status IS NULL AND priority IS NULL AND due_date IS NULL)),
    CONSTRAINT ck_activities_what CHECK ((what_type IS NULL) = (what_id IS NULL)),
    CONSTRAINT ck_activities_who CHECK ((who_type IS NULL) = (who_id IS NULL))
);
-- Timelines of a record (Related To and Name).
CREATE INDEX ix_activities_what ON activities (what_type, what_id);
CREATE INDEX ix_activities_who ON activities (who_type, who_id);
-- My to-do list and my calendar.
CREATE INDEX ix_activities_assigned ON activities (assigned_to_id, type, status);
-- Ranges and sorts.
CREATE INDEX ix_activities_due_date ON activities (due_date);
CREATE INDEX ix_activities_start_time ON activities (start_time);
CREATE INDEX ix_activities_end_time ON activities (end_time);
CREATE INDEX ix_activities_scheduled ON activities (scheduled_at, created_at, id);
CREATE INDEX ix_activities_type_scheduled ON activities (type, scheduled_at);
CREATE INDEX ix_activities_status ON activities (status);
CREATE INDEX ix_activities_priority ON activities (priority);
CREATE INDEX ix_activities_subject ON activities (lower(subject), id);
CREATE INDEX ix_activities_created_at ON activities (created_at, id);
CREATE INDEX ix_activities_updated_at ON activities (updated_at, id);
CREATE INDEX ix_activities_subject_trgm ON activities USING gin (subject gin_trgm_ops);
