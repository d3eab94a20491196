import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { adminOrderKey } from './get-admin-order';

export type OrderAction = 'complete' | 'refund';

const settleOrder = ({ id, action }: { id: string; action: OrderAction }) => {
  const params = { params: { path: { id } } };
  return call(
    action === 'complete'
      ? apiClient.POST('/api/admin/orders/{id}/complete', params)
      : apiClient.POST('/api/admin/orders/{id}/refund', params),
  );
};

/** Complete (delivered) or refund. */
export function useSettleOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: settleOrder,
    // The answer is the buyer-facing order (no `buyer`), so the admin view is fetched again.
    onSuccess: (order) => {
      void client.invalidateQueries({ queryKey: adminOrderKey(order.id) });
      void client.invalidateQueries({ queryKey: ['admin-orders'] });
    },
  });
}
