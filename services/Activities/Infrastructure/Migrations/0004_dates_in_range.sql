-- Dates are accepted only within 1900-01-01..2200-12-31. Rows stored before that rule (an all-day event
-- ending 9999-12-31 made every read of the activities fail; a task due 9999-12-31 was stored as
-- infinity) are brought to the nearest end of the range, so they read and edit like any other. Values
-- inside the range stay as they are, and an end is never moved before its start.
WITH clamped AS (
    SELECT id,
        CASE WHEN due_date < DATE '1900-01-01' THEN DATE '1900-01-01'
             WHEN due_date > DATE '2200-12-31' THEN DATE '2200-12-31' ELSE due_date END AS due_date,
        CASE WHEN start_time < TIMESTAMPTZ '1900-01-01 00:00:00+00' THEN TIMESTAMPTZ '1900-01-01 00:00:00+00'
             WHEN start_time >= TIMESTAMPTZ '2201-01-01 00:00:00+00' THEN TIMESTAMPTZ '2200-12-31 00:00:00+00' ELSE start_time END AS start_time,
        CASE WHEN end_time < TIMESTAMPTZ '1900-01-01 00:00:00+00' THEN TIMESTAMPTZ '1900-01-01 00:00:00+00'
             WHEN end_time >= TIMESTAMPTZ '2201-01-01 00:00:00+00' THEN TIMESTAMPTZ '2200-12-31 00:00:00+00' ELSE end_time END AS end_time,
        CASE WHEN scheduled_at < TIMESTAMPTZ '1900-01-01 00:00:00+00' THEN TIMESTAMPTZ '1900-01-01 00:00:00+00'
             WHEN scheduled_at >= TIMESTAMPTZ '2201-01-01 00:00:00+00' THEN TIMESTAMPTZ '2200-12-31 00:00:00+00' ELSE scheduled_at END AS scheduled_at
    FROM activities
    WHERE due_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
       OR start_time < TIMESTAMPTZ '1900-01-01 00:00:00+00' OR start_time >= TIMESTAMPTZ '2201-01-01 00:00:00+00'
       OR end_time < TIMESTAMPTZ '1900-01-01 00:00:00+00' OR end_time >= TIMESTAMPTZ '2201-01-01 00:00:00+00'
)
UPDATE activities a SET
    due_date = c.due_date,
    start_time = c.start_time,
    end_time = GREATEST(c.end_time, c.start_time),
    scheduled_at = c.scheduled_at
FROM clamped c
WHERE a.id = c.id;
