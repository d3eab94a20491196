-- Sharing keeps its own figures of the orders each link brought, fed by order events (paid,
-- partially refunded, refunded), instead of reading `orders` (whose share_code has no index).

-- One row per attributed order: what it added to its link, so a refund takes back exactly that and
-- an event seen twice changes nothing.
CREATE TABLE share_link_orders (
  order_id         text PRIMARY KEY,
  code             text        NOT NULL REFERENCES share_links (code),
  total            bigint      NOT NULL CHECK (total >= 0),
  -- Refunded so far, cumulative; equals total once fully refunded.
  refunded_amount  bigint      NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= total),
  fully_refunded   boolean     NOT NULL DEFAULT false
);

-- The counters the stats read: orders paid through the link and not fully refunded, and their
-- paid totals less what was refunded (minor units).
CREATE TABLE share_link_counters (
  code    text PRIMARY KEY REFERENCES share_links (code),
  orders  bigint NOT NULL DEFAULT 0 CHECK (orders >= 0),
  gmv     bigint NOT NULL DEFAULT 0 CHECK (gmv >= 0)
);

-- Backfill, so links made before this migration keep their figures. This is the one time sharing
-- reads `orders`: every order with a link's code that was paid (paid, shipped, completed) or
-- refunded after paying. Unpaid and cancelled orders never counted.
INSERT INTO share_link_orders (order_id, code, total, refunded_amount, fully_refunded)
SELECT o.id, o.share_code, o.total,
       CASE WHEN o.status = 'refunded' THEN o.total ELSE LEAST(o.refunded_amount, o.total) END,
       o.status = 'refunded'
FROM orders o JOIN share_links l ON l.code = o.share_code
WHERE o.status IN ('paid', 'shipped', 'completed', 'refunded');

INSERT INTO share_link_counters (code, orders, gmv)
SELECT code,
       count(*) FILTER (WHERE NOT fully_refunded),
       COALESCE(sum(total - refunded_amount), 0)
FROM share_link_orders
GROUP BY code;
