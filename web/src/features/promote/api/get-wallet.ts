import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Wallet } from '../types';

export const walletKey = ['my-wallet'] as const;

export function useWallet() {
  return useQuery({ queryKey: walletKey, queryFn: () => api.get<Wallet>('/api/me/wallet') });
}
