import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { CatalogService, Product } from '../catalog/index.js';
import * as q from './queries.js';
import {
  type Candidate,
  FRIENDS_BOUGHT_DAYS,
  JUST_BOUGHT_DAYS,
  type Language,
  mergeCandidates,
  type Reason,
  reasonText,
  tallyFriendPurchases,
} from './rules.js';

const DAY = 86_400_000;
/** How many of each source are read before filtering: enough that filters rarely empty a page. */
const SOURCE_READ = 60;
const CATEGORY_NAMES_TTL_MS = 60_000;
const POPULAR_TTL_MS = 10_000;
/** Products read beyond a page's need, so a few filtered out rarely cost another read. */
const PAGE_SLACK = 6;
const BADGES = 100;

export interface ServingDeps {
  db: Database;
  clock: Clock;
  catalog: Pick<CatalogService, 'getProducts' | 'getProduct' | 'listCategories'>;
  people: {
    languageOf: (userId: string) => Promise<Language | undefined>;
    namesOf: (ids: readonly string[]) => Promise<Map<string, string>>;
  };
}

export interface Recommendation {
  product: Product;
  reason: { type: Reason['type']; text: string };
}

const sellable = (p: Product | undefined): p is Product => p?.inStock === true;

/** Reads only precomputed candidates and a few indexed rows: no model work on a request. */
export function createServing({ db, clock, catalog, people }: ServingDeps) {
  let categoryNames: { at: number; names: Map<string, Record<Language, string>> } | undefined;

  /** Category display names, kept a minute: they change rarely and every page of popular items needs them. */
  async function categoryName(slug: string | null, language: Language): Promise<string | null> {
    if (slug === null) return null;
    if (!categoryNames || Date.now() - categoryNames.at > CATEGORY_NAMES_TTL_MS) {
      const list = await catalog.listCategories();
      categoryNames = { at: Date.now(), names: new Map(list.map((c) => [c.slug, c.names])) };
    }
    return categoryNames.names.get(slug)?.[language] ?? null;
  }

  /** Popular products (they change only at a training): kept a few seconds, so a page costs no query for them. */
  let popularCache: { at: number; ids: string[] } | undefined;
  async function popularIds(): Promise<string[]> {
    if (!popularCache || Date.now() - popularCache.at > POPULAR_TTL_MS)
      popularCache = { at: Date.now(), ids: (await q.popular(db, SOURCE_READ)).map((r) => r.product_id) };
    return popularCache.ids;
  }

  /**
   * The first `limit` candidates, in order, that may be shown: products are read a page at a time,
   * so a list of a few hundred candidates costs the products it shows, not all of them.
   */
  async function pick(
    sources: readonly (readonly Candidate[])[],
    allowed: (product: Product) => boolean,
    limit: number,
    known: Map<string, Product> = new Map(),
  ) {
    const ordered = mergeCandidates(sources, () => true, Number.POSITIVE_INFINITY);
    const chosen: { candidate: Candidate; product: Product }[] = [];
    for (let start = 0; start < ordered.length && chosen.length < limit; start += limit + PAGE_SLACK) {
      const page = ordered.slice(start, start + limit + PAGE_SLACK);
      const missing = page.map((c) => c.productId).filter((id) => !known.has(id));
      for (const product of await catalog.getProducts(missing)) known.set(product.id, product);
      for (const candidate of page) {
        const product = known.get(candidate.productId);
        if (chosen.length < limit && sellable(product) && allowed(product))
          chosen.push({ candidate, product });
      }
    }
    return chosen;
  }

  async function present(chosen: { candidate: Candidate; product: Product }[], language: Language) {
    const out: Recommendation[] = [];
    for (const { candidate, product } of chosen) {
      // Popular ones say in which category, in the person's language.
      const category =
        candidate.reason.type === 'popular' ? await categoryName(product.category ?? null, language) : null;
      const reason: Reason = category ? { type: 'popular_in_category', category } : candidate.reason;
      out.push({ product, reason: { type: reason.type, text: reasonText(reason, language) } });
    }
    return out;
  }

  const popularSource = (ids: readonly string[]): Candidate[] =>
    ids.map((productId) => ({ productId, reason: { type: 'popular' } }));

  /** Popular products overall (the anonymous visitor's list). */
  async function popularFor(limit: number, language: Language): Promise<Recommendation[]> {
    return present(await pick([popularSource(await popularIds())], () => true, limit), language);
  }

  /**
   * The person's list: what friends bought lately, the model's picks (explained by what they
   * bought or looked at), products wanted with their latest ones (so a purchase since the last
   * training counts at once), then popular ones. Never what they bought in the last 30 days,
   * unless it is a repurchase item.
   */
  async function forUser(userId: string, limit: number, fallback: Language): Promise<Recommendation[]> {
    const now = clock.now().getTime();
    // Independent reads: on PostgreSQL they go out at once over the pool.
    const [language, justBoughtIds, friendRows, modelRows, recent, popular] = await Promise.all([
      people.languageOf(userId),
      q.boughtSince(db, userId, new Date(now - JUST_BOUGHT_DAYS * DAY)),
      q.friendPurchases(db, userId, new Date(now - FRIENDS_BOUGHT_DAYS * DAY)),
      q.candidatesOf(db, userId, SOURCE_READ),
      q.latestOfKinds(db, userId, ['purchase', 'cart', 'view'], 10),
      popularIds(),
    ]);
    const justBought = new Set(justBoughtIds);
    const friends = tallyFriendPurchases(friendRows, SOURCE_READ);
    const [neighbours, names, anchors] = await Promise.all([
      q.neighboursOf(
        db,
        recent.map((r) => r.product_id),
        SOURCE_READ * 2,
      ),
      people.namesOf([...new Set(friends.map((f) => f.latestFriend))]),
      catalog.getProducts(recent.map((r) => r.product_id)),
    ]);
    const known = new Map(anchors.map((p) => [p.id, p]));

    // The first of the person's recent products each candidate neighbours explains it.
    const kindOf = new Map(recent.map((r) => [r.product_id, r.kind]));
    const anchorOf = new Map<string, string>();
    for (const n of neighbours) if (!anchorOf.has(n.neighbour_id)) anchorOf.set(n.neighbour_id, n.product_id);
    const explained = (productId: string): Reason => {
      const anchor = anchorOf.get(productId);
      const title = anchor ? known.get(anchor)?.title : undefined;
      if (!anchor || !title) return { type: 'for_you' };
      return kindOf.get(anchor) === 'purchase'
        ? { type: 'because_you_bought', title }
        : { type: 'because_you_viewed', title };
    };
    const sources: Candidate[][] = [
      friends.map((f) => ({
        productId: f.productId,
        reason: { type: 'friends_bought', friends: f.friends, name: names.get(f.latestFriend) ?? '' },
      })),
      modelRows.map((r) => ({ productId: r.product_id, reason: explained(r.product_id) })),
      neighbours.map((n) => ({ productId: n.neighbour_id, reason: explained(n.neighbour_id) })),
      popularSource(popular),
    ];
    const allowed = (product: Product) => !justBought.has(product.id) || product.repurchase;
    return present(await pick(sources, allowed, limit, known), language ?? fallback);
  }

  /** "People also bought": the product's neighbours that are on sale and in stock; 404 for an unknown one. */
  async function alsoBought(productId: string, limit: number): Promise<Product[]> {
    await catalog.getProduct(productId);
    const neighbours = await q.neighboursOf(db, [productId], SOURCE_READ);
    const source = neighbours.map(
      (n): Candidate => ({ productId: n.neighbour_id, reason: { type: 'for_you' } }),
    );
    return (await pick([source], () => true, limit)).map((c) => c.product);
  }

  /** For badges on product cards: the products the person's friends bought lately. */
  async function friendsBoughtOf(userId: string, fallback: Language) {
    const now = clock.now().getTime();
    const rows = tallyFriendPurchases(
      await q.friendPurchases(db, userId, new Date(now - FRIENDS_BOUGHT_DAYS * DAY)),
      BADGES,
    );
    const language = (await people.languageOf(userId)) ?? fallback;
    const names = await people.namesOf(rows.map((r) => r.latestFriend));
    return {
      items: rows.map((r) => ({
        productId: r.productId,
        friends: r.friends,
        text: reasonText(
          { type: 'friends_bought', friends: r.friends, name: names.get(r.latestFriend) ?? '' },
          language,
        ),
      })),
    };
  }

  const forgetPopular = () => {
    popularCache = undefined;
  };

  return { popularFor, forUser, alsoBought, friendsBoughtOf, forgetPopular };
}
