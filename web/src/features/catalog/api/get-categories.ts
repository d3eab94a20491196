import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Category } from '../types';

const getCategories = () => api.get<{ items: Category[] }>('/api/categories');

export function useCategories() {
  return useQuery({ queryKey: ['categories'], queryFn: getCategories, staleTime: 60_000 });
}
