import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { NewOrder, Order } from '../types';

/** The same key with the same body returns the first order: a double click cannot order twice. */
const createOrder = ({ order, idempotencyKey }: { order: NewOrder; idempotencyKey: string }) =>
  api.post<Order>('/api/orders', order, { headers: { 'idempotency-key': idempotencyKey } });

export function useCreateOrder() {
  return useMutation({ mutationFn: createOrder });
}
