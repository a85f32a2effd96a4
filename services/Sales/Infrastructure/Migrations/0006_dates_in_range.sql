-- Dates are accepted only within 1900-01-01..2200-12-31; close dates stored before that rule are
-- brought to the nearest end of the range, so a record reads back as something it could be saved as.
UPDATE opportunities SET close_date = CASE WHEN close_date < DATE '1900-01-01' THEN DATE '1900-01-01' ELSE DATE '2200-12-31' END
WHERE close_date NOT BETWEEN DATE '1900-01-01' AND DATE '2200-12-31';
