import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const ATTENTION_KINDS = [
  'job_failed',
  'refund_stuck',
  'refund_failed',
  'payment_unmatched',
  'provider_refund_failed',
  'dashboard_refund',
  'dispute_open',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface AttentionItem {
  kind: AttentionKind;
  id: string;
  orderId: string | null;
  amount: number | null;
  detail: string;
  attempts: number | null;
  since: string;
}

export interface AttentionList {
  items: AttentionItem[];
  nextCursor: string | null;
  counts: Partial<Record<AttentionKind, number>>;
}

const getAttention = () => api.get<AttentionList>('/api/admin/attention');

export function useAttention() {
  // An operator keeps this page open: it refreshes itself every half minute.
  return useQuery({ queryKey: ['admin-attention'], queryFn: getAttention, refetchInterval: 30_000 });
}
