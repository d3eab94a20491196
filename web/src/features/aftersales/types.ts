export const AFTER_SALE_STATUSES = ['requested', 'refunded', 'rejected', 'closed'] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];
export type AfterSaleType = 'refund' | 'return';

export interface AfterSaleItem {
  orderItemId: string;
  title: string;
  quantity: number;
  amount: number;
}

export interface AfterSale {
  id: string;
  orderId: string;
  userId: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  reason: string;
  photos: string[];
  amount: number;
  items: AfterSaleItem[];
  note: string;
  createdAt: string;
  decidedAt: string | null;
}

export interface Quote {
  amount: number;
  items: AfterSaleItem[];
}

export interface NewAfterSale {
  type: AfterSaleType;
  reason: string;
  photos?: string[];
  items: { orderItemId: string; quantity: number }[];
}
