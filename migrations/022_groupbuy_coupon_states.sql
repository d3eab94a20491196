-- Group and seat states as the state machines of src/modules/groupbuy/rules.ts declare them
-- (groupMachine, seatMachine): named constraints whose lists a test compares with the machines.
-- The columns' inline checks of 008 are replaced; the values allowed stay the same.
ALTER TABLE group_buy_groups DROP CONSTRAINT IF EXISTS group_buy_groups_status_check;
ALTER TABLE group_buy_groups ADD CONSTRAINT group_buy_groups_status_check
  CHECK (status IN ('open', 'succeeded', 'failed'));

ALTER TABLE group_buy_members DROP CONSTRAINT IF EXISTS group_buy_members_status_check;
ALTER TABLE group_buy_members ADD CONSTRAINT group_buy_members_status_check
  CHECK (status IN ('reserved', 'paid', 'released', 'refunded'));
