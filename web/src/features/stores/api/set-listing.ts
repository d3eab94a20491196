import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';
import { storeByIdKey } from './get-store-page';

type Listing = ResponseOf<'/api/stores/{id}/products/{productId}', 'put'>;

function setListing({ storeId, productId, listed }: Listing) {
  const params = { path: { id: storeId, productId } };
  return call(
    listed
      ? apiClient.PUT('/api/stores/{id}/products/{productId}', { params, body: {} })
      : apiClient.DELETE('/api/stores/{id}/products/{productId}', { params }),
  );
}

/** Lists a catalog product in the store, or takes it off. */
export function useSetListing() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setListing,
    onSuccess: (listing) => {
      void client.invalidateQueries({ queryKey: storeByIdKey(listing.storeId) });
      void client.invalidateQueries({ queryKey: ['store-page'] });
    },
  });
}
