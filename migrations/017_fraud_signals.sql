-- Fraud signals: likely commission-farming rings are detected when a commission is earned, each
-- signal stored with its evidence; the operator chooses which signals hold a commission, and
-- releases or reverses held ones with a note.

-- Orders: the normalized delivery address and phone (name stripped), computed at checkout, and the
-- card or wallet fingerprint where the payment provider reports one. Indexed for exact lookups.
-- Orders placed before this migration have no keys; their owner's keys are computed when read.
ALTER TABLE orders ADD COLUMN address_key text, ADD COLUMN phone_key text, ADD COLUMN payment_fingerprint text;
CREATE INDEX orders_address_key ON orders (address_key) WHERE address_key IS NOT NULL;

-- One row per signal a commission raised, with what was found (the matching order, account, …).
CREATE TABLE commission_flags (
  commission_id text        NOT NULL REFERENCES commissions (id),
  signal        text        NOT NULL,
  evidence      jsonb       NOT NULL,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (commission_id, signal)
);

-- The operator's decision on a held commission: released (settles as usual) or reversed.
CREATE TABLE commission_reviews (
  commission_id text PRIMARY KEY REFERENCES commissions (id),
  decision      text        NOT NULL CHECK (decision IN ('released', 'reversed')),
  note          text        NOT NULL DEFAULT '',
  decided_by    text        NOT NULL REFERENCES users (id),
  decided_at    timestamptz NOT NULL
);

-- Which signals hold a commission for review; the others are recorded as flags only.
ALTER TABLE distribution_settings
  ADD COLUMN holding_signals text[] NOT NULL DEFAULT ARRAY['shared_device', 'shared_address'];
