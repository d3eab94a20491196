import type { ResponseOf } from '../../lib/api';

/** Shapes of the communities API, derived from the generated types. */
export type Community = ResponseOf<'/api/communities/{id}', 'get'>;
export type Wave = ResponseOf<'/api/communities/{id}/waves', 'get'>['items'][number];
export type PackingList = ResponseOf<'/api/communities/{id}/waves/{waveId}', 'get'>;
export type PickupOrder = ResponseOf<'/api/communities/{id}/pickups', 'get'>['items'][number];
export type CollectedOrder = ResponseOf<'/api/communities/{id}/pickups', 'post'>;
export type AdminCommunity = ResponseOf<'/api/admin/communities', 'get'>['items'][number];
export type LeaderApplication = ResponseOf<'/api/admin/leaders', 'get'>['items'][number];

export const isLeader = (roles: readonly string[] | undefined) => Boolean(roles?.includes('leader'));

/** A map search for the pickup point: by its coordinates when it has them, else by its address. */
export function mapLink(point: Community['pickupPoint']): string {
  const query = point.location ? `${point.location.lat},${point.location.lng}` : point.address;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
