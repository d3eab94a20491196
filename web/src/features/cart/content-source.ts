import type { CartLine } from './cart-store';

/**
 * The post or live room a product page was opened from (`?post=<id>` / `?live=<id>`): the order
 * placed for it names that content (`postId` / `liveRoomId`), and its author or host is credited.
 * It rides with the cart line or the Buy now intent, as the share code does.
 */
export interface ContentSource {
  type: 'post' | 'live';
  id: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The content named in a product page's query, or undefined (a malformed id is ignored). */
export function contentSourceFromParams(params: URLSearchParams): ContentSource | undefined {
  const post = params.get('post');
  if (post && ID.test(post)) return { type: 'post', id: post };
  const live = params.get('live');
  if (live && ID.test(live)) return { type: 'live', id: live };
  return undefined;
}

/**
 * The source a cart's order names: one order names at most one, so the line added (or re-added)
 * last with a source wins, like the newest click of a share link.
 */
export function contentSourceOfLines(lines: readonly CartLine[]): ContentSource | undefined {
  let latest: CartLine | undefined;
  for (const line of lines) {
    if (line.source && (!latest || (line.sourceAt ?? 0) >= (latest.sourceAt ?? 0))) latest = line;
  }
  return latest?.source;
}

/** The order body's field for the source: `{ postId }`, `{ liveRoomId }` or nothing. */
export function orderSourceFields(source: ContentSource | undefined): {
  postId?: string;
  liveRoomId?: string;
} {
  if (!source) return {};
  return source.type === 'post' ? { postId: source.id } : { liveRoomId: source.id };
}
