-- Payouts: where a promoter's money goes (and a copy of it on each withdrawal), dispute holds and
-- fraud signals on commissions.

CREATE TABLE payout_details (
  user_id      text PRIMARY KEY REFERENCES users (id),
  method       text        NOT NULL CHECK (method IN ('alipay', 'wechat', 'bank')),
  holder_name  text        NOT NULL,
  account      text        NOT NULL,
  bank_name    text,                          -- bank accounts only
  updated_at   timestamptz NOT NULL,
  CHECK ((method = 'bank') = (bank_name IS NOT NULL))
);

-- The payout details as they were when the withdrawal was requested: what the operator pays to.
ALTER TABLE withdrawals ADD COLUMN payout jsonb;

-- A dispute replaces a commission's hold reason with 'dispute' and keeps the one it replaced here,
-- to put back if the shop wins.
ALTER TABLE commissions ADD COLUMN hold_before_dispute text;
-- What the operator may want to look at without holding the money: 'shared_ip'.
ALTER TABLE commissions ADD COLUMN signals text[] NOT NULL DEFAULT '{}';

-- Hold reasons become codes the web app translates. A shared address alone no longer holds: it was
-- holding every sale made behind one NAT or proxy, and those commissions never settled.
UPDATE commissions SET hold_reason = NULL, signals = ARRAY['shared_ip']
  WHERE hold_reason = 'buyer and promoter share an IP address';
UPDATE commissions SET hold_reason = 'shared_device'
  WHERE hold_reason = 'buyer used the promoter’s device';
