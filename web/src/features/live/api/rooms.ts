import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { RoomList } from '../types';

export const liveKey = ['live-rooms'] as const;

/** One list of rooms: on air, coming up, or replays. */
export function useLiveRooms(status: RoomList) {
  return useQuery({
    queryKey: [...liveKey, 'list', status],
    queryFn: () => call(apiClient.GET('/api/live-rooms', { params: { query: { status, limit: 50 } } })),
  });
}

export function useLiveRoom(id: string) {
  return useQuery({
    queryKey: [...liveKey, 'room', id],
    queryFn: () => call(apiClient.GET('/api/live-rooms/{id}', { params: { path: { id } } })),
  });
}

/** The rooms the signed-in person hosts. */
export function useMyLiveRooms() {
  return useQuery({
    queryKey: [...liveKey, 'mine'],
    queryFn: () => call(apiClient.GET('/api/me/live-rooms', { params: { query: { limit: 100 } } })),
  });
}

export function useAdminLiveRooms() {
  return useQuery({
    queryKey: [...liveKey, 'admin'],
    queryFn: () => call(apiClient.GET('/api/admin/live-rooms', { params: { query: { limit: 100 } } })),
  });
}

/** A room's figures for its host or an operator; refreshed while the page is open. */
export function useRoomStats(id: string) {
  return useQuery({
    queryKey: [...liveKey, 'stats', id],
    queryFn: () => call(apiClient.GET('/api/live-rooms/{id}/stats', { params: { path: { id } } })),
    refetchInterval: 10_000,
  });
}
