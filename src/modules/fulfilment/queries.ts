import type { Queryable } from '../../platform/db.js';

export interface ShipmentRow {
  order_id: string;
  carrier: string;
  tracking_number: string;
  shipped_at: Date;
  shipped_by: string;
  auto_confirm_at: Date;
}

export const insertShipment = (tx: Queryable, s: ShipmentRow) =>
  tx.query(
    `INSERT INTO shipments (order_id, carrier, tracking_number, shipped_at, shipped_by, auto_confirm_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.order_id, s.carrier, s.tracking_number, s.shipped_at, s.shipped_by, s.auto_confirm_at],
  );

export const shipmentsOf = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<ShipmentRow>('SELECT * FROM shipments WHERE order_id = ANY($1)', [orderIds]);
