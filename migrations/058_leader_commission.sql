-- Leader commission (communities issue): the leader of the community an order is collected in
-- earns a rate of it, through the same commissions table, ledger postings, settlement and reversal
-- as distribution commission. Its rows have role `leader` (level 1); one per order at most.
ALTER TABLE commissions DROP CONSTRAINT IF EXISTS commissions_role_check;
ALTER TABLE commissions
  ADD CONSTRAINT commissions_role_check CHECK (role IN ('sharer', 'author', 'leader'));

-- The operator's rate per community order, in basis points; 0 (the default) pays leaders nothing,
-- so no operator's payouts change until they choose a rate.
ALTER TABLE distribution_settings
  ADD COLUMN leader_rate_bps integer NOT NULL DEFAULT 0 CHECK (leader_rate_bps BETWEEN 0 AND 10000);

-- A product's own leader rate, replacing the operator's for its lines; null = the operator's.
ALTER TABLE products
  ADD COLUMN leader_rate_bps integer CHECK (leader_rate_bps BETWEEN 0 AND 10000);
