-- Recently Viewed: each user's latest opening of each record (GET /{id}), one row per record, moved up on
-- every view; the recording trims a user's rows per record type to the newest 200.
CREATE TABLE recent_views (
    user_id uuid NOT NULL,
    record_type text NOT NULL,
    record_id uuid NOT NULL,
    viewed_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, record_type, record_id)
);

-- The view=recent list order and trimming (per type), and the newest across types (/internal/v1/recent).
CREATE INDEX ix_recent_views_user_type_viewed ON recent_views (user_id, record_type, viewed_at DESC);
CREATE INDEX ix_recent_views_user_viewed ON recent_views (user_id, viewed_at DESC);
