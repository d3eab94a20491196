-- What the trust value reads from moderation and communities.

-- Whose item a report is about, as the owning module described it when the report was made: trust
-- counts a person's items that moderation hid after reports (complaints upheld) by this.
-- Reports made before this column have no author and count for nobody.
ALTER TABLE moderation_reports ADD COLUMN item_author_id text;
CREATE INDEX moderation_reports_author ON moderation_reports (item_author_id, status)
  WHERE item_author_id IS NOT NULL;

-- When a pickup order lapsed uncollected: the refund policy closes it like any refund, and without
-- this a leader's lapsed orders would vanish from their pickup record.
ALTER TABLE community_orders ADD COLUMN lapsed_at timestamptz;
