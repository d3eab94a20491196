import { usePagedQuery } from '../../../lib/paged-query';

export type StockMovementKind = 'initial' | 'adjustment' | 'sold' | 'released' | 'returned';

export interface StockMovement {
  id: string;
  variantId: string;
  delta: number;
  /** The stock right after this movement. */
  stock: number;
  kind: StockMovementKind;
  /** The operator who made it; null when the system did (checkout, expiry, refunds). */
  actorId: string | null;
  reason: string;
  orderId: string | null;
  createdAt: string;
}

export const stockMovementsKey = (variantId: string) => ['stock-movements', variantId] as const;

/** A variant's stock history, newest first. */
export const useStockMovements = (variantId: string) =>
  usePagedQuery<StockMovement>(
    stockMovementsKey(variantId),
    `/api/admin/variants/${encodeURIComponent(variantId)}/stock-movements`,
    {},
    10,
  );
