import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { AddressChanges, NewAddress } from '../types';

export const addressesKey = ['me', 'addresses'] as const;

/** The signed-in person's saved addresses, the default first. */
export function useAddresses(enabled = true) {
  return useQuery({
    queryKey: addressesKey,
    queryFn: () => call(apiClient.GET('/api/me/addresses')),
    enabled,
  });
}

/** Every change to the book re-reads it: the default may have moved to another address. */
function useBookMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: addressesKey }),
  });
}

export const useCreateAddress = () =>
  useBookMutation((body: NewAddress) => call(apiClient.POST('/api/me/addresses', { body })));

export const useUpdateAddress = () =>
  useBookMutation(({ id, changes }: { id: string; changes: AddressChanges }) =>
    call(apiClient.PATCH('/api/me/addresses/{id}', { params: { path: { id } }, body: changes })),
  );

export const useDeleteAddress = () =>
  useBookMutation((id: string) =>
    call(apiClient.DELETE('/api/me/addresses/{id}', { params: { path: { id } } })),
  );

export const useMakeDefaultAddress = () =>
  useBookMutation((id: string) =>
    call(apiClient.POST('/api/me/addresses/{id}/default', { params: { path: { id } } })),
  );
