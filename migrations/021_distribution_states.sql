-- Commission and withdrawal statuses are state machines declared as data in
-- src/modules/distribution/rules.ts (commissionMachine, withdrawalMachine); these checks list exactly
-- their states (a test compares them).
ALTER TABLE commissions DROP CONSTRAINT IF EXISTS commissions_status_check;
ALTER TABLE commissions ADD CONSTRAINT commissions_status_check
  CHECK (status IN ('pending', 'settled', 'reversed'));

ALTER TABLE withdrawals DROP CONSTRAINT IF EXISTS withdrawals_status_check;
ALTER TABLE withdrawals ADD CONSTRAINT withdrawals_status_check
  CHECK (status IN ('requested', 'paid', 'rejected'));
