import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call } from '../../../lib/api';
import { liveKey } from './rooms';

function useRefreshing<A, R>(work: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: work,
    onSettled: () => void client.invalidateQueries({ queryKey: liveKey }),
  });
}

export const useScheduleRoom = () =>
  useRefreshing((body: BodyOf<'/api/live-rooms', 'post'>) =>
    call(apiClient.POST('/api/live-rooms', { body })),
  );

export type RoomAction = 'start' | 'end' | 'cancel';

export const useRoomAction = (id: string) =>
  useRefreshing((action: RoomAction) => {
    const params = { params: { path: { id } } };
    if (action === 'start') return call(apiClient.POST('/api/live-rooms/{id}/start', params));
    if (action === 'end') return call(apiClient.POST('/api/live-rooms/{id}/end', params));
    return call(apiClient.POST('/api/live-rooms/{id}/cancel', params));
  });

export const usePinProduct = (id: string) =>
  useRefreshing((productId: string) =>
    call(apiClient.POST('/api/live-rooms/{id}/pins', { params: { path: { id } }, body: { productId } })),
  );

export const useUnpin = (id: string) =>
  useRefreshing(() =>
    call(apiClient.DELETE('/api/live-rooms/{id}/pins/current', { params: { path: { id } } })),
  );

export function useSendMessage(id: string) {
  return useMutation({
    mutationFn: (body: string) =>
      call(apiClient.POST('/api/live-rooms/{id}/messages', { params: { path: { id } }, body: { body } })),
  });
}

/** Counts a viewer opening the pinned product; a lost count never stops the viewer. */
export function countPinClick(roomId: string, pinId: string) {
  void apiClient
    .POST('/api/live-rooms/{id}/pins/{pinId}/clicks', { params: { path: { id: roomId, pinId } } })
    .catch(() => {});
}
