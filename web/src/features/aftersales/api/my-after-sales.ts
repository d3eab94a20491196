import { usePagedQuery } from '../../../lib/paged-query';
import type { AfterSale } from '../types';

export const useMyAfterSales = () => usePagedQuery<AfterSale>(['my-after-sales'], '/api/me/after-sales');
