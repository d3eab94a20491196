import { useQuery } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';

export type AttentionList = ResponseOf<'/api/admin/attention', 'get'>;
export type AttentionItem = AttentionList['items'][number];
export type AttentionKind = AttentionItem['kind'];

/** The kinds in the order the page lists them; the compiler keeps it to the API's kinds. */
export const ATTENTION_KINDS = [
  'job_failed',
  'refund_stuck',
  'refund_failed',
  'payment_unmatched',
  'provider_refund_failed',
  'dashboard_refund',
  'dispute_open',
] as const satisfies readonly AttentionKind[];
const _everyKind: AttentionKind extends (typeof ATTENTION_KINDS)[number] ? true : never = true;

const getAttention = () => call(apiClient.GET('/api/admin/attention'));

export function useAttention() {
  // An operator keeps this page open: it refreshes itself every half minute.
  return useQuery({ queryKey: ['admin-attention'], queryFn: getAttention, refetchInterval: 30_000 });
}
