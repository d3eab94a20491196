-- After-sales requests (aftersales module): the status column admits exactly the states of the
-- state machine in src/modules/aftersales/rules.ts (`afterSaleMachine`); a test compares the two.
-- Shipments (fulfilment module) have no status: a row is the fact that an order shipped.
ALTER TABLE after_sales DROP CONSTRAINT IF EXISTS after_sales_status_check;
ALTER TABLE after_sales ADD CONSTRAINT after_sales_status_check
  CHECK (status IN ('requested', 'refunded', 'rejected', 'closed'));
