import type { ResponseOf } from '../../lib/api';

export type PointsStatement = ResponseOf<'/api/me/points', 'get'>;
export type PointsPosting = PointsStatement['items'][number];
export type PointsSettings = ResponseOf<'/api/admin/points/settings', 'get'>;
/** Points the buyer chose to spend at checkout, and the money they pay. */
export interface ChosenPoints {
  points: number;
  discount: number;
}
