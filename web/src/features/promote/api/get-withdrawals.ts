import { usePagedQuery } from '../../../lib/paged-query';
import type { Withdrawal } from '../types';

export const useMyWithdrawals = () => usePagedQuery<Withdrawal>(['my-withdrawals'], '/api/me/withdrawals');
