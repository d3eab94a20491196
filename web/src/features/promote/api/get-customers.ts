import { usePagedQuery } from '../../../lib/paged-query';
import type { Customer } from '../types';

export const useMyCustomers = () => usePagedQuery<Customer>(['my-customers'], '/api/me/customers');
