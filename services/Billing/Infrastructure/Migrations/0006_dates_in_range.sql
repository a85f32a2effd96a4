-- Dates are accepted only within 1900-01-01..2200-12-31. Rows stored before that rule are brought to
-- the nearest end of the range: a contract ending 9999-12-31 overflowed its schedule of expected
-- payments on every read. Values inside the range stay; an end is never moved before its start.
UPDATE payments SET
    payment_date = LEAST(GREATEST(payment_date, DATE '1900-01-01'), DATE '2200-12-31'),
    service_period_start = LEAST(GREATEST(service_period_start, DATE '1900-01-01'), DATE '2200-12-31'),
    service_period_end = GREATEST(
        LEAST(GREATEST(service_period_end, DATE '1900-01-01'), DATE '2200-12-31'),
        LEAST(GREATEST(service_period_start, DATE '1900-01-01'), DATE '2200-12-31'))
WHERE payment_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
   OR service_period_start NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
   OR service_period_end NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31';

-- end_date > start_date holds: the start stops a day short of the range's end, the end a day after the start.
UPDATE contracts SET
    start_date = LEAST(GREATEST(start_date, DATE '1900-01-01'), DATE '2200-12-30'),
    end_date = GREATEST(
        LEAST(GREATEST(end_date, DATE '1900-01-01'), DATE '2200-12-31'),
        LEAST(GREATEST(start_date, DATE '1900-01-01'), DATE '2200-12-30') + 1),
    terminated_on = LEAST(GREATEST(terminated_on, DATE '1900-01-01'), DATE '2200-12-31')
WHERE start_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
   OR end_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'
   OR terminated_on NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31';
