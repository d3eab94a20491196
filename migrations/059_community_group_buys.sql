-- Community group buys (communities issue): a campaign may be limited to one community, so its
-- neighbours fill groups together and collect at its pickup point. Null = open to everyone. The
-- communities module owns that table: no foreign key across modules; existence is checked on create.
ALTER TABLE group_buy_campaigns
  ADD COLUMN community_id text CHECK (community_id IS NULL OR length(community_id) BETWEEN 1 AND 64);
-- A community page's current group buys.
CREATE INDEX group_buy_campaigns_by_community ON group_buy_campaigns (community_id, id DESC)
  WHERE community_id IS NOT NULL;
