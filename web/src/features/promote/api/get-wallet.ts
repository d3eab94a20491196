import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const walletKey = ['my-wallet'] as const;

const getWallet = () => call(apiClient.GET('/api/me/wallet'));

export function useWallet() {
  return useQuery({ queryKey: walletKey, queryFn: getWallet });
}
