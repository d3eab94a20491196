import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { StoreInput } from '../types';
import { myStoreKey } from './get-my-store';

/** Opens the store, or edits it: the slug is its address and cannot change once shared. */
function saveStore({ id, input }: { id?: string; input: StoreInput }) {
  if (!id) return call(apiClient.POST('/api/stores', { body: input }));
  const { slug: _fixed, ...changes } = input;
  return call(apiClient.PATCH('/api/stores/{id}', { params: { path: { id } }, body: changes }));
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
