import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';

export type DryRun = ResponseOf<'/api/admin/product-imports/dry-run', 'post'>;
export type ImportProblem = DryRun['problems'][number];
export type ProductImport = ResponseOf<'/api/admin/product-imports/{id}', 'get'>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file as it is: CSV as text, XLSX as its bytes, never wrapped in JSON. */
export const sheetTypeOf = (file: File) =>
  file.name.toLowerCase().endsWith('.xlsx') || file.type === XLSX ? XLSX : 'text/csv';

async function send(path: '/api/admin/product-imports/dry-run' | '/api/admin/product-imports', file: File) {
  const type = sheetTypeOf(file);
  const body = type === XLSX ? await file.arrayBuffer() : await file.text();
  return call(
    apiClient.POST(path as '/api/admin/product-imports', {
      params: { query: { fileName: file.name.slice(0, 200) } },
      body: body as never,
      bodySerializer: (b: unknown) => b as BodyInit,
      headers: { 'content-type': type },
    }),
  );
}

export const useDryRun = () =>
  useMutation({
    mutationFn: (file: File) =>
      send('/api/admin/product-imports/dry-run', file) as unknown as Promise<DryRun>,
  });

export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => send('/api/admin/product-imports', file) as unknown as Promise<ProductImport>,
    onSuccess: (started) => {
      client.setQueryData(['product-import', started.id], started);
      void client.invalidateQueries({ queryKey: ['product-imports'] });
    },
  });
}

/** An import's progress, asked for every second while it runs (the job moves it). */
export function useProductImport(id: string | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['product-import', id],
    enabled: id !== undefined,
    queryFn: async () => {
      const found = await call(
        apiClient.GET('/api/admin/product-imports/{id}', { params: { path: { id: id ?? '' } } }),
      );
      if (found.status === 'done') {
        void client.invalidateQueries({ queryKey: ['admin-products'] });
        void client.invalidateQueries({ queryKey: ['product-imports'] });
      }
      return found;
    },
    refetchInterval: (query) => (query.state.data?.status === 'done' ? false : 1000),
  });
}

export const useProductImports = () =>
  useQuery({
    queryKey: ['product-imports'],
    queryFn: () => call(apiClient.GET('/api/admin/product-imports')),
  });
