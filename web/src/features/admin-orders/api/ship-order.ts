import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Order } from '../../orders';
import { adminOrderKey } from './get-admin-order';

export interface ShipInput {
  carrier: string;
  trackingNumber: string;
}

const shipOrder = ({ id, ...body }: ShipInput & { id: string }) =>
  api.post<Order>(`/api/admin/orders/${encodeURIComponent(id)}/ship`, body);

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
