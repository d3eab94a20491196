-- The states of group buying and coupons as their state machines declare them (groupMachine,
-- seatMachine and campaignMachine in src/modules/groupbuy/rules.ts, templateMachine in
-- src/modules/coupons/rules.ts): named constraints, whose lists tests compare with the machines.
-- The inline checks of 008 and 009 are replaced; the values allowed stay the same.
ALTER TABLE group_buy_groups DROP CONSTRAINT IF EXISTS group_buy_groups_status_check;
ALTER TABLE group_buy_groups ADD CONSTRAINT group_buy_groups_status_check
  CHECK (status IN ('open', 'succeeded', 'failed'));

ALTER TABLE group_buy_members DROP CONSTRAINT IF EXISTS group_buy_members_status_check;
ALTER TABLE group_buy_members ADD CONSTRAINT group_buy_members_status_check
  CHECK (status IN ('reserved', 'paid', 'released', 'refunded'));

ALTER TABLE group_buy_campaigns DROP CONSTRAINT IF EXISTS group_buy_campaigns_status_check;
ALTER TABLE group_buy_campaigns ADD CONSTRAINT group_buy_campaigns_status_check
  CHECK (status IN ('active', 'closed'));

ALTER TABLE coupon_templates DROP CONSTRAINT IF EXISTS coupon_templates_status_check;
ALTER TABLE coupon_templates ADD CONSTRAINT coupon_templates_status_check
  CHECK (status IN ('active', 'disabled'));
