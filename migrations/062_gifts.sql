-- Gifts (送礼, "buy for a friend"): an order placed with no address, whose link the buyer sends to a
-- friend, who claims it with their own address. One row per gift order, owned by the gifts module
-- (the order itself stays the orders module's). The claim token is made when the order is paid,
-- is unguessable (144 random bits, base64url) and unique; a claim is one conditional UPDATE of this
-- row (status 'unclaimed' → 'claimed'), so a gift is claimed once. Unclaimed by `claim_by`, the
-- order is refunded and the gift is 'refunded'.
CREATE TABLE gifts (
  order_id      text        PRIMARY KEY,
  sender_id     text        NOT NULL,
  message       text        CHECK (char_length(message) <= 200),
  status        text        NOT NULL DEFAULT 'awaiting_payment'
                            CHECK (status IN ('awaiting_payment', 'unclaimed', 'claimed', 'refunded', 'cancelled')),
  token         text        UNIQUE CHECK (char_length(token) >= 22),
  recipient_id  text,
  paid_at       timestamptz,
  claim_by      timestamptz,
  claimed_at    timestamptz,
  closed_at     timestamptz,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  -- A paid gift has its link and its deadline; only a claimed one has a recipient, never its sender.
  CONSTRAINT gifts_paid_has_token CHECK (status IN ('awaiting_payment', 'cancelled') OR (token IS NOT NULL AND claim_by IS NOT NULL)),
  CONSTRAINT gifts_claimed_has_recipient CHECK ((status = 'claimed') = (recipient_id IS NOT NULL)),
  CONSTRAINT gifts_not_to_self CHECK (recipient_id IS DISTINCT FROM sender_id)
);
CREATE INDEX gifts_by_sender ON gifts (sender_id, order_id DESC);
CREATE INDEX gifts_by_recipient ON gifts (recipient_id, order_id DESC) WHERE recipient_id IS NOT NULL;
