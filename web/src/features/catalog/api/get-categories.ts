import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

const getCategories = () => call(apiClient.GET('/api/categories'));

export function useCategories() {
  return useQuery({ queryKey: ['categories'], queryFn: getCategories, staleTime: 60_000 });
}
