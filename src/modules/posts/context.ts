import type { ContentSource } from '../../platform/content-sources.js';
import type { Queryable } from '../../platform/db.js';
import type { Moderation } from '../../platform/moderation.js';
import type { TaggedProduct } from './schemas.js';

/**
 * What the posts module needs of others, declared here (the consumer's ports) and wired in app.ts:
 * the module reads no other module's tables.
 */
export interface PostsPorts {
  /** People's names by id (accounts). */
  names: (conn: Queryable, ids: readonly string[]) => Promise<Map<string, string>>;
  /** Whether a person exists (accounts). */
  personExists: (conn: Queryable, id: string) => Promise<boolean>;
  /** Active products by id, in the order asked; unknown and archived ids left out (catalog). */
  products: (ids: readonly string[]) => Promise<TaggedProduct[]>;
  /** Whether `url` is one the uploads module handed out for an image `ownerId` uploaded. */
  ownsImage: (conn: Queryable, ownerId: string, url: string) => Promise<boolean>;
  /** A person's earned badges, top tier only (honours); empty when the module offers none. */
  badges: (userId: string) => Promise<{ badge: string; tier: string }[]>;
  /** Clicks on every share link of the post, whoever made it (sharing). */
  shareClicks: (conn: Queryable, postId: string) => Promise<number>;
  /** Paid orders through each post, not refunded in full, and their paid amount (orders). */
  sales: (
    conn: Queryable,
    postIds: readonly string[],
  ) => Promise<Map<string, { orders: number; gmv: number }>>;
  /** The post or live room an order came through, if any (orders). */
  orderSource: (conn: Queryable, orderId: string) => Promise<ContentSource | null | undefined>;
  moderation: Moderation;
  /** Told of each counted view (analytics' event log, buffered): never awaited, never in the reader's way. */
  onViewed?: (view: { postId: string; viewerId: string | null }) => void;
}
