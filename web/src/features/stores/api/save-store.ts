import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Store, StoreInput } from '../types';
import { myStoreKey } from './get-my-store';

/** Opens the store, or edits it: the slug is its address and cannot change once shared. */
function saveStore({ id, input }: { id?: string; input: StoreInput }) {
  if (!id) return api.post<Store>('/api/stores', input);
  const { slug: _fixed, ...changes } = input;
  return api.patch<Store>(`/api/stores/${encodeURIComponent(id)}`, changes);
}

export function useSaveStore() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveStore,
    onSuccess: (store) => {
      client.setQueryData(myStoreKey, store);
      void client.invalidateQueries({ queryKey: ['store-page', store.slug] });
      void client.invalidateQueries({ queryKey: ['store-by-id', store.id] });
    },
  });
}
