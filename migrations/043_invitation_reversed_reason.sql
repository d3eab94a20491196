-- The invitation reward's take-back had an English sentence for its reason; it is the code
-- `invitation_reversed` now, like every other reason, and clients word it. Only the label changes:
-- amounts and refs stay as they were posted.
UPDATE point_postings SET reason = 'invitation_reversed'
WHERE reason = 'invitation reversed: the first order was refunded';
