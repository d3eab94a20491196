import type { Queryable } from '../../platform/db.js';
import { type AfterSaleStatus, type AfterSaleType, afterSaleMachine, UNITS_TAKEN_IN } from './rules.js';

export interface AfterSaleRow {
  id: string;
  order_id: string;
  user_id: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  reason: string;
  photos: string[];
  amount: number;
  /** The part of `amount` that is the order's shipping fee. */
  shipping_refunded: number;
  refund_id: string | null;
  note: string;
  decided_by: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export interface AfterSaleItemRow {
  after_sale_id: string;
  order_item_id: string;
  title: string;
  quantity: number;
  units: number[];
  amount: number;
}

export async function insertAfterSale(tx: Queryable, row: AfterSaleRow, items: readonly AfterSaleItemRow[]) {
  await tx.query(
    `INSERT INTO after_sales (id, order_id, user_id, type, status, reason, photos, amount, created_at,
       shipping_refunded) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.id,
      row.order_id,
      row.user_id,
      row.type,
      row.status,
      row.reason,
      JSON.stringify(row.photos),
      row.amount,
      row.created_at,
      row.shipping_refunded,
    ],
  );
  for (const i of items) {
    await tx.query(
      `INSERT INTO after_sale_items (after_sale_id, order_item_id, title, quantity, units, amount)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [i.after_sale_id, i.order_item_id, i.title, i.quantity, i.units, i.amount],
    );
  }
}

export const findAfterSale = async (conn: Queryable, id: string) =>
  (await conn.query<AfterSaleRow>('SELECT * FROM after_sales WHERE id = $1', [id]))[0];

export const lockAfterSale = async (conn: Queryable, id: string) =>
  (await conn.query<AfterSaleRow>('SELECT * FROM after_sales WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

export const lockByRefund = async (conn: Queryable, refundId: string) =>
  (
    await conn.query<AfterSaleRow>('SELECT * FROM after_sales WHERE refund_id = $1 FOR NO KEY UPDATE', [
      refundId,
    ])
  )[0];

/** The order's requests that may still be decided: those from which a request can close. */
export const openOfOrder = (conn: Queryable, orderId: string) =>
  conn.query<AfterSaleRow>(
    'SELECT * FROM after_sales WHERE order_id = $1 AND status = ANY($2) ORDER BY id FOR NO KEY UPDATE',
    [orderId, afterSaleMachine.fromStates('closed')],
  );

/** The units named by an order's requests that still count: open ones, and those refunded. */
export const unitsOfOrder = (conn: Queryable, orderId: string) =>
  conn.query<AfterSaleItemRow & { status: AfterSaleStatus }>(
    `SELECT i.*, a.status FROM after_sale_items i JOIN after_sales a ON a.id = i.after_sale_id
     WHERE a.order_id = $1 AND a.status = ANY($2)`,
    [orderId, UNITS_TAKEN_IN],
  );

export const itemsOf = (conn: Queryable, ids: readonly string[]) =>
  conn.query<AfterSaleItemRow>(
    'SELECT * FROM after_sale_items WHERE after_sale_id = ANY($1) ORDER BY after_sale_id, order_item_id',
    [ids],
  );

export const setRefundId = (tx: Queryable, id: string, refundId: string) =>
  tx.query('UPDATE after_sales SET refund_id = $2 WHERE id = $1', [id, refundId]);

/** Moves a request to `status` if it is in one of `from` (the machine's `fromStates`); the rows moved. */
export const decide = (
  tx: Queryable,
  id: string,
  d: {
    status: AfterSaleStatus;
    from: readonly AfterSaleStatus[];
    note: string;
    decidedBy: string | null;
    at: Date;
  },
) =>
  tx.query<AfterSaleRow>(
    `UPDATE after_sales SET status = $2, note = $3, decided_by = COALESCE($4, decided_by), decided_at = $5
     WHERE id = $1 AND status = ANY($6) RETURNING *`,
    [id, d.status, d.note, d.decidedBy, d.at, d.from],
  );

/** The operator's note and name on an approval, before its refund applies. */
export const noteDecision = (tx: Queryable, id: string, d: { note: string; decidedBy: string | null }) =>
  tx.query('UPDATE after_sales SET note = $2, decided_by = $3 WHERE id = $1', [id, d.note, d.decidedBy]);

export interface ListFilter {
  userId?: string;
  orderId?: string;
  status?: AfterSaleStatus;
  beforeId?: string;
  limit: number;
}

export function list(conn: Queryable, f: ListFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.userId) add((p) => `user_id = ${p}`, f.userId);
  if (f.orderId) add((p) => `order_id = ${p}`, f.orderId);
  if (f.status) add((p) => `status = ${p}`, f.status);
  if (f.beforeId) add((p) => `id < ${p}`, f.beforeId);
  params.push(f.limit + 1);
  return conn.query<AfterSaleRow>(
    `SELECT * FROM after_sales ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
}

/** The operator included the shipping fee when approving: it joins the request's amount. */
export const addShippingFee = (tx: Queryable, id: string, fee: number) =>
  tx.query(
    'UPDATE after_sales SET amount = amount + $2, shipping_refunded = shipping_refunded + $2 WHERE id = $1',
    [id, fee],
  );
