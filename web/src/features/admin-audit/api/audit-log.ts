import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call, type QueryOf, type ResponseOf } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export type AuditEntry = ResponseOf<'/api/admin/audit', 'get'>['items'][number];
export type AuditFilter = Omit<QueryOf<'/api/admin/audit', 'get'>, 'cursor' | 'limit'>;
export type AuditSettings = BodyOf<'/api/admin/audit/settings', 'put'>;

const auditKey = ['admin-audit'] as const;

/** The log, newest first, page by page, for the filter as the operator set it. */
export function useAuditLog(filter: AuditFilter) {
  return usePagedCall([...auditKey, filter], (cursor) =>
    call(apiClient.GET('/api/admin/audit', { params: { query: { ...filter, cursor, limit: 20 } } })),
  );
}

export function useAuditSettings() {
  return useQuery({
    queryKey: [...auditKey, 'settings'],
    queryFn: () => call(apiClient.GET('/api/admin/audit/settings')),
  });
}

export function useSaveAuditSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AuditSettings) => call(apiClient.PUT('/api/admin/audit/settings', { body })),
    // The change is itself an entry: the list shows it.
    onSuccess: () => client.invalidateQueries({ queryKey: auditKey }),
  });
}
