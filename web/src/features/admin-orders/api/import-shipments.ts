import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';

export type ImportResult = ResponseOf<'/api/admin/shipments/import', 'post'>;
export type ImportRow = ImportResult['rows'][number];

/** The import takes the file as it is (text/csv), not wrapped in JSON. */
const importShipments = (csv: string) =>
  call(
    apiClient.POST('/api/admin/shipments/import', {
      body: csv,
      bodySerializer: (body: string) => body,
      headers: { 'content-type': 'text/csv' },
    }),
  );

export function useImportShipments() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importShipments,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin-orders'] }),
  });
}
