-- Contracts are Active, Expired (computed) or Terminated: what was stored as Cancelled is Terminated.
-- terminated_on is the day a person terminated the contract: its schedule of expected payments stops there.
ALTER TABLE contracts DROP CONSTRAINT IF EXISTS contracts_status_check;
ALTER TABLE contracts ADD COLUMN terminated_on date NULL;
UPDATE contracts SET status = 'Terminated', terminated_on = (updated_at AT TIME ZONE 'UTC')::date WHERE status = 'Cancelled';
ALTER TABLE contracts ADD CONSTRAINT contracts_status_check CHECK (status IN ('Active', 'Terminated'));
ALTER TABLE contracts ADD CONSTRAINT ck_contracts_terminated_on CHECK ((status = 'Terminated') = (terminated_on IS NOT NULL));
