import type { CartLine } from './cart-store';
import type { ContentSource } from './content-source';

/**
 * "Buy now" (alone, or starting or joining a group) as a purchase intent that survives signing in,
 * signing up and full page loads: the intent is kept in this tab's sessionStorage under a random
 * id, and checkout is reached at `/checkout?buy=<id>`. The id rides in the URL, so it survives the
 * sign-in `next=` round trip and a reload, and `/checkout` without it is always the cart's
 * checkout (a stale Buy now never hijacks it).
 *
 * Why not the whole intent in the URL (`?variant=…&qty=…`): checkout would have to fetch the
 * product and the campaign again just to show the line, and the share code would ride into
 * every URL the buyer copies. Why not router state (as before): it is gone after a full page load.
 * The intent is a display snapshot only: the server prices the order from the variant and group.
 */
export interface PurchaseIntent {
  line: CartLine;
  groupBuy?: { campaignId: string; groupId?: string };
  /** Bought at a flash sale's price (its one line); such an order takes no coupon or points. */
  flashSale?: { saleId: string };
  /** Bought at a bargain's price by its starter (one unit); no coupon or points, shipping as usual. */
  bargain?: { bargainId: string };
  /** A community group buy's orders are collected at this community's pickup point, never delivered. */
  pickupCommunityId?: string;
  /** The share link the buyer came through (`?ref=`), sent with the order. */
  shareCode?: string;
  /** The post or live room the product page was opened from (`?post=` / `?live=`). */
  source?: ContentSource;
  storeSlug?: string;
}

const PREFIX = 'fission.buy.';
// Long enough to sign up and come back, short enough that a forgotten tab does not buy yesterday's price.
export const INTENT_TTL_MS = 60 * 60 * 1000;

interface Stored extends PurchaseIntent {
  savedAt: number;
}

function randomId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

function forgetExpired(now: number) {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const saved = parse(sessionStorage.getItem(key));
    if (!saved || now - saved.savedAt > INTENT_TTL_MS) sessionStorage.removeItem(key);
  }
}

function parse(raw: string | null): Stored | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Stored;
    return value && typeof value.savedAt === 'number' && value.line?.variantId ? value : undefined;
  } catch {
    return undefined;
  }
}

export const purchaseIntent = {
  /** Keeps the intent and returns the checkout address that finds it again. */
  save(intent: PurchaseIntent, now = Date.now()): string {
    forgetExpired(now);
    const id = randomId();
    const stored: Stored = { ...intent, savedAt: now };
    sessionStorage.setItem(PREFIX + id, JSON.stringify(stored));
    return `/checkout?buy=${id}`;
  },
  load(id: string, now = Date.now()): PurchaseIntent | undefined {
    const saved = parse(sessionStorage.getItem(PREFIX + id));
    if (!saved || now - saved.savedAt > INTENT_TTL_MS) return undefined;
    const { savedAt: _, ...intent } = saved;
    return intent;
  },
  /** The order is placed: a reload of checkout must not offer it again. */
  forget(id: string) {
    sessionStorage.removeItem(PREFIX + id);
  },
};
