import { useMutation, useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { SimulationBody } from '../types';

export function useStartSimulation() {
  return useMutation({
    mutationFn: (body: SimulationBody) => call(apiClient.POST('/api/admin/simulations', { body })),
  });
}

/** One simulation, polled while it runs so the progress bar moves; left alone once it is over. */
export function useSimulation(id: string | null) {
  return useQuery({
    queryKey: ['admin-simulation', id],
    enabled: id !== null,
    queryFn: () =>
      call(apiClient.GET('/api/admin/simulations/{id}', { params: { path: { id: id as string } } })),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (query.state.error) return false;
      return !data || data.status === 'running' ? 300 : false;
    },
  });
}

export function useCancelSimulation() {
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/admin/simulations/{id}/cancel', { params: { path: { id } } })),
  });
}

/** The shop as a population (its size and measured rates), fetched when the operator picks it. */
export function useShopPopulation(enabled: boolean) {
  return useQuery({
    queryKey: ['admin-simulation-shop'],
    enabled,
    queryFn: () => call(apiClient.GET('/api/admin/simulations/shop-population')),
  });
}

export const listKey = ['admin-simulations'] as const;

/** Past simulations, newest first (without results), a page at a time. */
export const useSimulations = () =>
  usePagedCall(listKey, (cursor) =>
    call(apiClient.GET('/api/admin/simulations', { params: { query: { cursor, limit: 10 } } })),
  );
