import type { Queryable } from '../../platform/db.js';

/**
 * What the structure and trust modules read of distribution: bindings as links of a team, and the
 * orders a promoter brought with whether they were refunded. They ask here instead of reading
 * `bindings` or `commissions`.
 */

/** The buyers bound to each of `promoterIds` (at most `limit` pairs), expired bindings included. */
export async function boundBuyersOf(conn: Queryable, promoterIds: readonly string[], limit: number) {
  if (promoterIds.length === 0) return [];
  const rows = await conn.query<{ promoter_id: string; buyer_id: string }>(
    'SELECT promoter_id, buyer_id FROM bindings WHERE promoter_id = ANY($1) ORDER BY buyer_id LIMIT $2',
    [[...new Set(promoterIds)], limit],
  );
  return rows.map((r) => ({ promoterId: r.promoter_id, buyerId: r.buyer_id }));
}

/** Promoters with the most bound buyers, most first. */
export async function busiestPromoters(conn: Queryable, limit: number): Promise<string[]> {
  const rows = await conn.query<{ promoter_id: string }>(
    `SELECT promoter_id FROM bindings GROUP BY promoter_id ORDER BY count(*) DESC, promoter_id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.promoter_id);
}

/**
 * The latest `limit` orders the promoter brought (their level-1 commissions), each marked refunded
 * when its commission was reversed or shrank (a full or a partial refund, or a lost dispute).
 */
export async function broughtOrders(conn: Queryable, promoterId: string, limit: number) {
  const rows = await conn.query<{ order_id: string; refunded: boolean }>(
    `SELECT order_id, (status = 'reversed' OR (earned_amount IS NOT NULL AND amount < earned_amount)) AS refunded
     FROM commissions WHERE promoter_id = $1 AND level = 1 ORDER BY id DESC LIMIT $2`,
    [promoterId, limit],
  );
  return rows.map((r) => ({ orderId: r.order_id, refunded: r.refunded }));
}
