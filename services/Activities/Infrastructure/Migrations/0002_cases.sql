CREATE SEQUENCE case_number_seq START WITH 1001;

CREATE TABLE cases (
    id uuid PRIMARY KEY,
    number bigint NOT NULL UNIQUE,
    case_number text NOT NULL UNIQUE,
    subject text NOT NULL,
    description text NULL,
    status text NOT NULL,
    priority text NOT NULL,
    account_id uuid NOT NULL,
    contact_id uuid NULL,
    owner_id uuid NOT NULL,
    closed_at timestamptz NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL,
    CONSTRAINT ck_cases_closed_at CHECK ((status = 'Closed') = (closed_at IS NOT NULL))
);
CREATE INDEX ix_cases_account_id ON cases (account_id);
CREATE INDEX ix_cases_contact_id ON cases (contact_id);
CREATE INDEX ix_cases_owner_id ON cases (owner_id);
-- The support queue (open cases by priority, oldest first) and the list filters and sorts.
CREATE INDEX ix_cases_queue ON cases (status, priority, created_at);
CREATE INDEX ix_cases_priority ON cases (priority, created_at);
CREATE INDEX ix_cases_created_at ON cases (created_at, id);
CREATE INDEX ix_cases_updated_at ON cases (updated_at, id);
CREATE INDEX ix_cases_subject ON cases (lower(subject), id);
CREATE INDEX ix_cases_subject_trgm ON cases USING gin (subject gin_trgm_ops);
CREATE INDEX ix_cases_case_number_trgm ON cases USING gin (case_number gin_trgm_ops);
