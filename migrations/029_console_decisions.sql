-- Console gaps (issue 11): the operator can turn a shopkeeper application down, and the coupons
-- console shows what each template's coupons were used for and what they cost.

-- A refused application says why (shown to the applicant); the applicant may apply again, which
-- makes it pending once more. The status list is the one of applicationMachine (stores/rules.ts).
ALTER TABLE shopkeeper_applications ADD COLUMN reject_reason text;
ALTER TABLE shopkeeper_applications DROP CONSTRAINT IF EXISTS shopkeeper_applications_status_check;
ALTER TABLE shopkeeper_applications
  ADD CONSTRAINT shopkeeper_applications_status_check CHECK (status IN ('pending', 'approved', 'rejected'));
-- The console lists decided applications newest decision first.
CREATE INDEX shopkeeper_applications_decided ON shopkeeper_applications (decided_at DESC, id DESC)
  WHERE status <> 'pending';

-- One row per order that used a coupon, kept after the coupon goes back to its holder, so the
-- figures survive a refund: `discount` is what checkout took off, `paid_at` when the order was
-- paid, `refunded_at` when it was refunded in full (its coupon was then given back). An order
-- cancelled unpaid leaves no row.
CREATE TABLE coupon_redemptions (
  order_id        text PRIMARY KEY,
  user_coupon_id  text        NOT NULL REFERENCES user_coupons (id),
  template_id     text        NOT NULL REFERENCES coupon_templates (id),
  discount        bigint      NOT NULL CHECK (discount >= 0),   -- minor units
  reserved_at     timestamptz NOT NULL,
  paid_at         timestamptz,
  refunded_at     timestamptz
);
CREATE INDEX coupon_redemptions_template ON coupon_redemptions (template_id);

-- Coupons in use before this migration: their order's discount and payment, read once here.
INSERT INTO coupon_redemptions (order_id, user_coupon_id, template_id, discount, reserved_at, paid_at)
SELECT c.order_id, c.id, c.template_id, o.discount, COALESCE(c.used_at, o.created_at),
       CASE WHEN o.status IN ('paid', 'shipped', 'completed') THEN COALESCE(c.used_at, o.created_at) END
FROM user_coupons c JOIN orders o ON o.id = c.order_id
WHERE c.order_id IS NOT NULL;
