import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toApiError } from '../../../lib/api-client';
import { authToken } from '../../../lib/auth-token';

export type ImportRow =
  | { line: number; orderId: string; status: 'shipped'; carrier: string; trackingNumber: string }
  | { line: number; orderId: string; status: 'refused'; reason: string; message: string };

export interface ImportResult {
  shipped: number;
  refused: number;
  rows: ImportRow[];
}

/** The import takes the file as it is (text/csv), not wrapped in JSON. */
async function importShipments(csv: string): Promise<ImportResult> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'text/csv' };
  const token = authToken.get();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/api/admin/shipments/import', { method: 'POST', headers, body: csv });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as ImportResult;
}

export function useImportShipments() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importShipments,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin-orders'] }),
  });
}
