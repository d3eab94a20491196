import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLanguage } from '../../../i18n';
import { apiClient, call } from '../../../lib/api';
import { useUser } from '../../auth';

// Signed out, the server words reasons by Accept-Language: send the interface's language.
const languageHeader = () => ({ 'accept-language': currentLanguage() });

/** "For you": the person's recommendations (popular ones when signed out), each with its reason. */
export function useForYou(limit: number) {
  const { user } = useUser();
  return useQuery({
    queryKey: ['recommendations', user?.id ?? null, currentLanguage(), limit],
    queryFn: () =>
      call(
        apiClient.GET('/api/recommendations', { params: { query: { limit } }, headers: languageHeader() }),
      ),
    staleTime: 60_000,
  });
}

export function useAlsoBought(productId: string, limit: number) {
  return useQuery({
    queryKey: ['also-bought', productId, limit],
    queryFn: () =>
      call(
        apiClient.GET('/api/products/{id}/also-bought', {
          params: { path: { id: productId }, query: { limit } },
        }),
      ),
    staleTime: 5 * 60_000,
  });
}

/** Every product the person's friends bought lately: one call serves all the cards' badges. */
function useFriendsBought() {
  const { user } = useUser();
  return useQuery({
    queryKey: ['friends-bought', user?.id ?? null, currentLanguage()],
    queryFn: () => call(apiClient.GET('/api/recommendations/friends-bought', { headers: languageHeader() })),
    enabled: Boolean(user),
    staleTime: 60_000,
  });
}

export function useFriendsBoughtOf(productId: string) {
  return useFriendsBought().data?.items.find((i) => i.productId === productId);
}

/** Tells the recommender of a view or an add-to-cart; fire and forget (only when signed in). */
export function recordActivity(productId: string, kind: 'view' | 'cart') {
  void apiClient.POST('/api/recommendations/activity', { body: { productId, kind } }).catch(() => undefined);
}

const trainingsKey = ['admin-recommendation-trainings'] as const;

export const useTrainings = () =>
  useQuery({
    queryKey: trainingsKey,
    queryFn: () => call(apiClient.GET('/api/admin/recommendations/trainings')),
    // While a training runs (or one was just asked for), look again every few seconds.
    refetchInterval: (query) => (query.state.data?.items[0]?.status === 'running' ? 3000 : 15_000),
  });

export function useRetrain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(apiClient.POST('/api/admin/recommendations/trainings')),
    onSuccess: () => void client.invalidateQueries({ queryKey: trainingsKey }),
  });
}
