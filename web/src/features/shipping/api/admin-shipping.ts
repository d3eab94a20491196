import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { ProductShippingInput, TemplateInput } from '../types';

const templatesKey = ['admin-shipping-templates'] as const;

export function useShippingTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () =>
      call(apiClient.GET('/api/admin/shipping-templates', { params: { query: { limit: 100 } } })),
  });
}

/** Creates a template, or replaces the one with id `editing`. */
export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, input }: { editing?: string; input: TemplateInput }) =>
      editing === undefined
        ? call(apiClient.POST('/api/admin/shipping-templates', { body: input }))
        : call(
            apiClient.PUT('/api/admin/shipping-templates/{id}', {
              params: { path: { id: editing } },
              body: input,
            }),
          ),
    onSuccess: () => void client.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.DELETE('/api/admin/shipping-templates/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: templatesKey }),
  });
}

const productKey = (id: string) => ['admin-product-shipping', id] as const;

export function useProductShipping(productId: string) {
  return useQuery({
    queryKey: productKey(productId),
    queryFn: () =>
      call(apiClient.GET('/api/admin/products/{id}/shipping', { params: { path: { id: productId } } })),
  });
}

export function useSetProductShipping(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductShippingInput) =>
      call(apiClient.PUT('/api/admin/products/{id}/shipping', { params: { path: { id: productId } }, body })),
    onSuccess: (saved) => {
      client.setQueryData(productKey(productId), saved);
      void client.invalidateQueries({ queryKey: templatesKey });
    },
  });
}
