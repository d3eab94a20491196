import type { BodyOf, ResponseOf } from '../../lib/api';

/** A link as `POST /api/share-links` answers it; `url` is absolute and ends with `/s/<code>`. */
export type ShareLink = ResponseOf<'/api/share-links', 'post'>;
export type ShareTargetType = ShareLink['targetType'];

/** A link in the promoter centre: its stats and what it points at (null once that is gone). */
export type ShareLinkWithStats = ResponseOf<'/api/me/share-links', 'get'>['items'][number];
export type LinkStats = ShareLinkWithStats['stats'];

/** Who shared the link a page was reached through, as strangers see them (the name masked). */
export type Sharer = ResponseOf<'/api/share-links/{code}/sharer', 'get'>;

/** Exactly one target per link (the body's fields are all optional in the schema). */
export type ShareTarget = BodyOf<'/api/share-links', 'post'> &
  ({ productId: string } | { storeId: string } | { groupId: string } | { postId: string });

const codePath = (code: string) => `/api/share-links/${encodeURIComponent(code)}`;
export const qrUrl = (code: string) => `${codePath(code)}/qr.svg`;
export const posterUrl = (code: string) => `${codePath(code)}/poster.png`;
