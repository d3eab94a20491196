import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call, type QueryOf, type ResponseOf } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export type ReportInput = BodyOf<'/api/reports', 'post'>;
export type ReportableType = ReportInput['type'];
export type ReportReason = ReportInput['reason'];
export type QueueEntry = ResponseOf<'/api/admin/moderation/reports', 'get'>['items'][number];
export type QueueStatus = NonNullable<QueryOf<'/api/admin/moderation/reports', 'get'>['status']>;
export type Ban = ResponseOf<'/api/admin/moderation/bans', 'get'>['items'][number];
export type BanInput = BodyOf<'/api/admin/moderation/bans', 'post'>;

/** The reasons a person may give, in the order the form offers them (the server's closed set). */
export const REPORT_REASONS = [
  'spam',
  'abuse',
  'fake',
  'inappropriate',
  'other',
] as const satisfies readonly ReportReason[];

const queueKey = ['moderation-queue'] as const;
const bansKey = ['moderation-bans'] as const;

export function useReport() {
  return useMutation({ mutationFn: (body: ReportInput) => call(apiClient.POST('/api/reports', { body })) });
}

export function useQueue(status: QueueStatus) {
  return usePagedCall([...queueKey, status], (cursor) =>
    call(
      apiClient.GET('/api/admin/moderation/reports', { params: { query: { status, cursor, limit: 20 } } }),
    ),
  );
}

export type Decision = 'hide' | 'restore' | 'dismiss';

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entry, decision, reason }: { entry: QueueEntry; decision: Decision; reason: string }) => {
      const path = { type: entry.type, id: entry.id };
      if (decision === 'hide')
        return call(
          apiClient.POST('/api/admin/moderation/items/{type}/{id}/hide', {
            params: { path },
            body: { reason },
          }),
        );
      const body = reason ? { reason } : {};
      return decision === 'restore'
        ? call(apiClient.POST('/api/admin/moderation/items/{type}/{id}/restore', { params: { path }, body }))
        : call(apiClient.POST('/api/admin/moderation/items/{type}/{id}/dismiss', { params: { path }, body }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queueKey }),
  });
}

export function useBans(activeOnly: boolean) {
  return usePagedCall([...bansKey, activeOnly], (cursor) =>
    call(
      apiClient.GET('/api/admin/moderation/bans', {
        params: { query: { cursor, limit: 20, ...(activeOnly ? { active: true } : {}) } },
      }),
    ),
  );
}

export function useBan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BanInput) => call(apiClient.POST('/api/admin/moderation/bans', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: bansKey }),
  });
}

export function useLiftBan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/admin/moderation/bans/{id}/lift', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: bansKey }),
  });
}
