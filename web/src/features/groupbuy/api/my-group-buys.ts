import { usePagedQuery } from '../../../lib/paged-query';
import type { MyGroupBuy } from '../types';

export const useMyGroupBuys = () => usePagedQuery<MyGroupBuy>(['my-group-buys'], '/api/me/group-buys');
