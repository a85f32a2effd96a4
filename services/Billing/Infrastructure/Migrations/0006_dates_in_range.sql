-- Dates are accepted only within 1900-01-01..2200-12-31. Rows stored before that rule are brought to
-- the nearest end of the range: a contract ending 9999-12-31 overflowed its schedule of expected
-- payments on every read. Values inside the range (and nulls) stay; an end never moves before its start.
WITH clamped AS (
    SELECT id,
        CASE WHEN payment_date < DATE '1900-01-01' THEN DATE '1900-01-01'
             WHEN payment_date > DATE '2200-12-31' THEN DATE '2200-12-31' ELSE payment_date END AS payment_date,
        CASE WHEN service_period_start < DATE '1900-01-01' THEN DATE '1900-01-01'
             WHEN service_period_start > DATE '2200-12-31' THEN DATE '2200-12-31' ELSE service_period_start END AS service_period_start,
        CASE WHEN service_period_end < DATE '1900-01-01' THEN DATE '1900-01-01'
             WHEN service_period_end > DATE '2200-12-31' THEN DATE '2200-12-31' ELSE service_period_end END AS service_period_end
    FROM payments
    WHERE payment_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
       OR service_period_start NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
       OR service_period_end NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
)
UPDATE payments p SET
    payment_date = c.payment_date,
    service_period_start = c.service_period_start,
    -- GREATEST skips nulls, so a missing end must stay missing by hand.
    service_period_end = CASE WHEN c.service_period_end IS NULL THEN NULL ELSE GREATEST(c.service_period_end, c.service_period_start) END
FROM clamped c
WHERE p.id = c.id;

-- end_date > start_date must hold: a start stops a day short of the range's end, an end a day after its start.
WITH clamped AS (
    SELECT id,
        CASE WHEN start_date < DATE '1900-01-01' THEN DATE '1900-01-01'
             WHEN start_date > DATE '2200-12-30' THEN DATE '2200-12-30' ELSE start_date END AS start_date,
        CASE WHEN end_date < DATE '1900-01-01' THEN DATE '1900-01-01'
             WHEN end_date > DATE '2200-12-31' THEN DATE '2200-12-31' ELSE end_date END AS end_date,
        CASE WHEN terminated_on < DATE '1900-01-01' THEN DATE '1900-01-01'
             WHEN terminated_on > DATE '2200-12-31' THEN DATE '2200-12-31' ELSE terminated_on END AS terminated_on
    FROM contracts
    WHERE start_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
       OR end_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
       OR terminated_on NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
)
UPDATE contracts t SET
    start_date = c.start_date,
    end_date = GREATEST(c.end_date, c.start_date + 1),
    terminated_on = c.terminated_on
FROM clamped c
WHERE t.id = c.id;
