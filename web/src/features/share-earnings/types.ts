import type { ResponseOf } from '../../lib/api';

/** What a share earns, as GET /api/me/share-earnings tells it (generated types). */
export type ShareEarning = ResponseOf<'/api/me/share-earnings', 'get'>['items'][number];
