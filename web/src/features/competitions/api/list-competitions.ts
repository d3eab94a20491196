import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { ListedPhase } from '../types';

export const competitionsKey = ['competitions'] as const;

/** Competitions in one phase (running, upcoming or ended), newest start first. */
export function useCompetitions(phase: ListedPhase) {
  return usePagedCall([...competitionsKey, phase], (cursor) =>
    call(apiClient.GET('/api/competitions', { params: { query: { status: phase, cursor, limit: 20 } } })),
  );
}
