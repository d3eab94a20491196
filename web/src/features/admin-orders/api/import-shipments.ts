import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toApiError } from '../../../lib/api-client';
import { SESSION_CREDENTIALS, sessionHeaders } from '../../../lib/session';

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
  const headers = { accept: 'application/json', 'content-type': 'text/csv', ...sessionHeaders('POST') };
  const response = await fetch('/api/admin/shipments/import', {
    method: 'POST',
    headers,
    credentials: SESSION_CREDENTIALS,
    body: csv,
  });
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
