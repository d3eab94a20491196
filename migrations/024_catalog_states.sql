-- Status columns of the catalog and stores hold only the states of their machines
-- (productMachine in src/modules/catalog/rules.ts, applicationMachine in src/modules/stores/rules.ts);
-- a test compares these lists with the machines. The constraints are dropped and added again under
-- one name each, so the list is written down once, here.
ALTER TABLE products DROP CONSTRAINT IF EXISTS products_status_check;
ALTER TABLE products ADD CONSTRAINT products_status_check CHECK (status IN ('active', 'archived'));

ALTER TABLE shopkeeper_applications DROP CONSTRAINT IF EXISTS shopkeeper_applications_status_check;
ALTER TABLE shopkeeper_applications
  ADD CONSTRAINT shopkeeper_applications_status_check CHECK (status IN ('pending', 'approved'));
