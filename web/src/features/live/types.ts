import type { ResponseOf } from '../../lib/api';

export type LiveRoom = ResponseOf<'/api/live-rooms/{id}', 'get'>;
export type LivePin = LiveRoom['pins'][number];
export type LiveMessage = ResponseOf<'/api/live-rooms/{id}/messages', 'post'>;
export type LiveStats = ResponseOf<'/api/live-rooms/{id}/stats', 'get'>;
export type RoomList = 'live' | 'upcoming' | 'replays';
