import type { TargetType } from './rules.js';

/**
 * Facts about a target that posters, previews and shared pages put into words, in the sharer's
 * language (see messages.ts): the owning module gives numbers and names, never sentences.
 */
export type CardFacts =
  | {
      kind: 'product';
      priceVaries: boolean;
      /** For the page's structured data: whether a variant is in stock, and the highest price. */
      inStock?: boolean;
      highPrice?: number | null;
    }
  | { kind: 'store'; ownerName: string }
  | { kind: 'group'; open: boolean; leaderName: string; seatsMissing: number; groupSize: number };

/** What a shared thing looks like in a preview, on a poster, and where its page is. */
export interface TargetCard {
  /** The canonical id, also when it was found by a page key such as a slug. */
  id: string;
  title: string;
  /** What its owner wrote about it (a product's description, a store's intro), or null. */
  description: string | null;
  facts?: CardFacts;
  /** A site path of its picture (`/demo/tea.svg`), or null. */
  image: string | null;
  /** The lowest price in minor units, or null when it has none (a store). */
  price: number | null;
  /** Its page in the web app, e.g. `/stores/tea-corner`. */
  path: string;
}

/** Finds a card by the key its page uses in the URL (an id, or a store's slug); undefined if none. */
export type CardLookup = (key: string) => Promise<TargetCard | undefined>;

interface TargetKind {
  byId: CardLookup;
  /** The first segment of its page path, e.g. `products` for `/products/:key`. */
  pageSegment: string;
  byPageKey: CardLookup;
}

/**
 * The things that can be shared, registered by the modules that own them (catalog, stores, group
 * buys): sharing resolves links and page previews through here and knows none of their tables.
 */
export class ShareTargets {
  private readonly kinds = new Map<TargetType, TargetKind>();

  register(type: TargetType, kind: TargetKind): void {
    this.kinds.set(type, kind);
  }

  /** Whether things of this kind can be shared: a module registered them. */
  accepts(type: TargetType): boolean {
    return this.kinds.has(type);
  }

  /** The card of a link's target, or undefined if the kind is unknown or the thing is gone. */
  async card(type: TargetType, id: string): Promise<TargetCard | undefined> {
    return this.kinds.get(type)?.byId(id);
  }

  /** The card of a web app page such as `/products/:id`, for its Open Graph tags. */
  async cardOfPage(pathname: string): Promise<(TargetCard & { type: TargetType }) | undefined> {
    const [, segment, key, ...rest] = pathname.split('/');
    if (!segment || !key || rest.length > 0) return undefined;
    for (const [type, kind] of this.kinds) {
      if (kind.pageSegment !== segment) continue;
      const card = await kind.byPageKey(safeDecode(key));
      return card && { ...card, type };
    }
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
