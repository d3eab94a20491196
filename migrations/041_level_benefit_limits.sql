-- Level benefits, tightened (issue 12 review). A member discount is at most 90 %, so an order always
-- leaves something to pay: rows set higher before this cap are clamped to it.
UPDATE member_levels SET discount_bps = 9000 WHERE discount_bps > 9000;
ALTER TABLE member_levels ADD CONSTRAINT member_levels_discount_cap CHECK (discount_bps <= 9000);

-- The promoter's level multiplier used when the commission was earned (10000 = ×1): with
-- `rate_bps` it is the effective rate, kept because the promoter's level may change afterwards.
ALTER TABLE commissions ADD COLUMN multiplier_bps integer NOT NULL DEFAULT 10000;
