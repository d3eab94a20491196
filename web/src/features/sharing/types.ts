export type ShareTargetType = 'product' | 'store' | 'group' | 'post';

export interface ShareLink {
  code: string;
  /** Absolute, ends with `/s/<code>`: what the promoter pastes into a chat. */
  url: string;
  targetType: ShareTargetType;
  targetId: string;
  createdAt: string;
}

export interface LinkStats {
  clicks: number;
  orders: number;
  gmv: number;
}

/** What a link points at, as the server names it; null once the product or store is gone. */
export interface ShareTargetSummary {
  title: string;
  image: string | null;
  path: string;
}

export interface ShareLinkWithStats extends ShareLink {
  stats: LinkStats;
  target: ShareTargetSummary | null;
}

/** Exactly one target per link. */
export type ShareTarget = { productId: string } | { storeId: string } | { groupId: string };

const codePath = (code: string) => `/api/share-links/${encodeURIComponent(code)}`;
export const qrUrl = (code: string) => `${codePath(code)}/qr.svg`;
export const posterUrl = (code: string) => `${codePath(code)}/poster.png`;
