import type { ResponseOf } from '../../lib/api';

export type MyBadge = ResponseOf<'/api/me/badges', 'get'>['items'][number];
export type EarnedBadge = ResponseOf<'/api/users/{id}/badges', 'get'>['items'][number];
export type BadgeHolders = ResponseOf<'/api/admin/honours', 'get'>['items'][number];
export type BadgeName = MyBadge['badge'];
export type Tier = EarnedBadge['tier'];
