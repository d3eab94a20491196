import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { isApiError } from '../../../lib/api-error';
import type { Store } from '../types';

export const myStoreKey = ['my-store'] as const;

/** The signed-in shopkeeper's store, or null when they have not opened one (the API answers 404). */
async function getMyStore(): Promise<Store | null> {
  try {
    return await call(apiClient.GET('/api/me/store'));
  } catch (error) {
    if (isApiError(error, 404)) return null;
    throw error;
  }
}

export function useMyStore(enabled: boolean) {
  return useQuery({ queryKey: myStoreKey, queryFn: getMyStore, enabled });
}
