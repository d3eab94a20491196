import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call } from '../../../lib/api';
import { adminOrderKey } from './get-admin-order';

export type ShipInput = BodyOf<'/api/admin/orders/{id}/ship', 'post'>;

const shipOrder = ({ id, ...body }: ShipInput & { id: string }) =>
  call(apiClient.POST('/api/admin/orders/{id}/ship', { params: { path: { id } }, body }));

/** Hands a paid order to a carrier. */
export function useShipOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: shipOrder,
    onSuccess: (order) => {
      void client.invalidateQueries({ queryKey: adminOrderKey(order.id) });
      void client.invalidateQueries({ queryKey: ['admin-orders'] });
    },
  });
}
