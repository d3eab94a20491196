import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call, type ResponseOf } from '../../../lib/api';

export type AdminCategory = ResponseOf<'/api/admin/categories', 'get'>['items'][number];
export type CategoryInput = BodyOf<'/api/admin/categories', 'post'>;
export type CategoryPatch = BodyOf<'/api/admin/categories/{slug}', 'patch'>;

const KEY = ['admin-categories'];

export function useAdminCategories() {
  return useQuery({ queryKey: KEY, queryFn: () => call(apiClient.GET('/api/admin/categories')) });
}

/** Every change shows at once in the console list and in the storefront's chips and names. */
function useCategoryMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      void client.invalidateQueries({ queryKey: ['categories'] });
    },
  });
}

export const useCreateCategory = () =>
  useCategoryMutation((body: CategoryInput) => call(apiClient.POST('/api/admin/categories', { body })));

export const useUpdateCategory = () =>
  useCategoryMutation(({ slug, patch }: { slug: string; patch: CategoryPatch }) =>
    call(apiClient.PATCH('/api/admin/categories/{slug}', { params: { path: { slug } }, body: patch })),
  );

export const useDeleteCategory = () =>
  useCategoryMutation((slug: string) =>
    call(apiClient.DELETE('/api/admin/categories/{slug}', { params: { path: { slug } } })),
  );
