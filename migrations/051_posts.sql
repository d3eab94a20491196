-- Posts and purchase lists ("what is worth buying"), their likes, comments and the follow graph.
-- Product ids are kept as the catalog hands them out (no foreign key into another module's table);
-- a tag of a product archived later simply stops showing.
CREATE TABLE posts (
  id             text PRIMARY KEY,
  author_id      text        NOT NULL REFERENCES users (id),
  kind           text        NOT NULL CHECK (kind IN ('post', 'list')),
  body           text        NOT NULL CHECK (length(body) <= 5000),
  images         text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(images) <= 9),
  video_url      text,
  product_ids    text[]      NOT NULL DEFAULT '{}',
  -- A purchase list's lines in the author's order: [{ "productId", "note" }].
  list_items     jsonb       NOT NULL DEFAULT '[]',
  -- Null while a draft; the feed's age counts from here.
  published_at   timestamptz,
  hidden         boolean     NOT NULL DEFAULT false,
  hidden_reason  text,
  -- Counters kept in the transaction that changes what they count.
  like_count     integer     NOT NULL DEFAULT 0 CHECK (like_count >= 0),
  comment_count  integer     NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
  view_count     bigint      NOT NULL DEFAULT 0,
  tag_clicks     bigint      NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  edited_at      timestamptz
);
CREATE INDEX posts_author_newest ON posts (author_id, published_at DESC, id DESC);
CREATE INDEX posts_published ON posts (published_at DESC, id DESC) WHERE published_at IS NOT NULL AND NOT hidden;

-- An unlike keeps the row (unliked_at), so the feed can score a post as it stood when a reader's
-- first page was made, and later pages neither repeat nor skip posts because of likes since.
CREATE TABLE post_likes (
  post_id    text        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  user_id    text        NOT NULL REFERENCES users (id),
  liked_at   timestamptz NOT NULL,
  unliked_at timestamptz,
  PRIMARY KEY (post_id, user_id)
);

-- One level of replies: a reply's parent is a top-level comment of the same post.
CREATE TABLE post_comments (
  id            text PRIMARY KEY,
  post_id       text        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  parent_id     text        REFERENCES post_comments (id),
  author_id     text        NOT NULL REFERENCES users (id),
  body          text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  hidden        boolean     NOT NULL DEFAULT false,
  hidden_reason text,
  created_at    timestamptz NOT NULL,
  deleted_at    timestamptz
);
CREATE INDEX post_comments_post ON post_comments (post_id, created_at, id);

-- Paid orders placed through a post (fed by the order.paid reaction): the feed's purchases.
CREATE TABLE post_purchases (
  order_id text PRIMARY KEY,
  post_id  text        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  paid_at  timestamptz NOT NULL
);
CREATE INDEX post_purchases_post ON post_purchases (post_id, paid_at);

CREATE TABLE user_follows (
  follower_id text        NOT NULL REFERENCES users (id),
  followee_id text        NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
);
CREATE INDEX user_follows_followee ON user_follows (followee_id, created_at DESC, follower_id);
