import { useMutation } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { NewOrder } from '../types';

/** The same key with the same body returns the first order: a double click cannot order twice. */
const createOrder = ({ order, idempotencyKey }: { order: NewOrder; idempotencyKey: string }) =>
  call(
    apiClient.POST('/api/orders', { body: order, params: { header: { 'idempotency-key': idempotencyKey } } }),
  );

export function useCreateOrder() {
  return useMutation({ mutationFn: createOrder });
}
