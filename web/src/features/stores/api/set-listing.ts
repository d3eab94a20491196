import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { storeByIdKey } from './get-store-page';

interface Listing {
  storeId: string;
  productId: string;
  listed: boolean;
}

function setListing({ storeId, productId, listed }: Listing) {
  const path = `/api/stores/${encodeURIComponent(storeId)}/products/${encodeURIComponent(productId)}`;
  return listed ? api.put<Listing>(path, {}) : api.delete<Listing>(path);
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
