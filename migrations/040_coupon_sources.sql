-- Where a held coupon came from: claimed in the coupon centre, or given as a reward by an
-- invitation, a task, a membership level's monthly coupon, a competition prize or the points mall.
ALTER TABLE user_coupons DROP CONSTRAINT user_coupons_source_check;
ALTER TABLE user_coupons ADD CONSTRAINT user_coupons_source_check
  CHECK (source IN ('claim', 'invitation', 'task', 'level', 'competition', 'mall'));
