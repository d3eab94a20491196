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
import { createServingCache } from './serving-cache.js';

const DAY = 86_400_000;
/** How many of each source are read before filtering: enough that filters rarely empty a page. */
const SOURCE_READ = 60;
/** The person's latest products whose neighbours join their list. */
const RECENT_ANCHORS = 10;
const CATEGORY_NAMES_TTL_MS = 60_000;
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

/**
 * Serves from precomputed candidates and a few indexed rows, no model work on a request. What only
 * a training changes is copied in this process (`createServingCache`); what changes any moment is
 * read fresh on every request: the person's and their friends' purchases in one statement, and
 * stock and archiving from the catalog, so a product archived or sold out disappears at once.
 */
export function createServing({ db, clock, catalog, people }: ServingDeps) {
  const cache = createServingCache({ db, clock });
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

  /**
   * The first `limit` candidates, in order, that may be shown: products are read a page at a time
   * (with `alongside` ids the page's reasons name), so a list of a few hundred candidates costs
   * the products it shows, not all of them.
   */
  async function pick(
    sources: readonly (readonly Candidate[])[],
    allowed: (product: Product) => boolean,
    limit: number,
    alongside: (page: readonly Candidate[]) => string[] = () => [],
    known: Map<string, Product> = new Map(),
  ) {
    const ordered = mergeCandidates(sources, () => true, Number.POSITIVE_INFINITY);
    const chosen: { candidate: Candidate; product: Product }[] = [];
    for (let start = 0; start < ordered.length && chosen.length < limit; start += limit + PAGE_SLACK) {
      const page = ordered.slice(start, start + limit + PAGE_SLACK);
      const wanted = [...page.map((c) => c.productId), ...alongside(page)];
      const missing = [...new Set(wanted)].filter((id) => !known.has(id));
      for (const product of await catalog.getProducts(missing)) known.set(product.id, product);
      for (const candidate of page) {
        const product = known.get(candidate.productId);
        if (chosen.length < limit && sellable(product) && allowed(product))
          chosen.push({ candidate, product });
      }
    }
    return { chosen, known };
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
    await cache.current();
    const { chosen } = await pick([popularSource(await cache.popularIds())], () => true, limit);
    return present(chosen, language);
  }

  /**
   * The person's list: what friends bought lately, the model's picks (explained by what they
   * bought or looked at), products wanted with their latest ones (so a purchase since the last
   * training counts at once), then popular ones. Never what they bought in the last 30 days,
   * unless it is a repurchase item.
   */
  async function forUser(userId: string, limit: number, fallback: Language): Promise<Recommendation[]> {
    const now = clock.now().getTime();
    // The two independent reads go out at once (over the pool on PostgreSQL).
    const [language, fresh] = await Promise.all([
      people.languageOf(userId),
      q.personReads(db, {
        userId,
        boughtSince: new Date(now - JUST_BOUGHT_DAYS * DAY),
        friendsSince: new Date(now - FRIENDS_BOUGHT_DAYS * DAY),
        candidates: SOURCE_READ,
        recent: RECENT_ANCHORS,
      }),
    ]);
    await cache.catchUp(fresh.trainingId);
    const justBought = new Set(fresh.bought);
    const friends = tallyFriendPurchases(fresh.friendPurchases, SOURCE_READ);
    const latestFriendOf = new Map(friends.map((f) => [f.productId, f.latestFriend]));
    const neighbours = cache.neighboursOf(
      fresh.recent.map((r) => r.productId),
      SOURCE_READ * 2,
    );
    // The first of the person's recent products each candidate neighbours explains it.
    const bought = new Map(fresh.recent.map((r) => [r.productId, r.bought]));
    const anchorOf = new Map<string, string>();
    for (const n of neighbours) if (!anchorOf.has(n.neighbourId)) anchorOf.set(n.neighbourId, n.productId);
    const forYou: Reason = { type: 'for_you' };
    const sources: Candidate[][] = [
      friends.map((f) => ({
        productId: f.productId,
        reason: { type: 'friends_bought', friends: f.friends, name: '' },
      })),
      fresh.candidates.map((productId) => ({ productId, reason: forYou })),
      neighbours.map((n) => ({ productId: n.neighbourId, reason: forYou })),
      popularSource(await cache.popularIds()),
    ];
    const allowed = (product: Product) => !justBought.has(product.id) || product.repurchase;
    const { chosen, known } = await pick(sources, allowed, limit, (page) =>
      page.flatMap((c) => anchorOf.get(c.productId) ?? []),
    );
    // Names only of the friends a reason names (one friend bought it): often none, so no read.
    const named = chosen.flatMap(({ candidate: c }) =>
      c.reason.type === 'friends_bought' && c.reason.friends === 1
        ? [latestFriendOf.get(c.productId) ?? '']
        : [],
    );
    const names = named.length > 0 ? await people.namesOf([...new Set(named)]) : new Map<string, string>();
    /** A friend's purchase names the friend; a pick the person's latest product leads to, that product. */
    const explain = (product: Product, reason: Reason): Reason => {
      if (reason.type === 'friends_bought')
        return { ...reason, name: names.get(latestFriendOf.get(product.id) ?? '') ?? '' };
      const anchor = anchorOf.get(product.id);
      const title = anchor ? known.get(anchor)?.title : undefined;
      if (reason.type !== 'for_you' || !anchor || !title) return reason;
      return bought.get(anchor)
        ? { type: 'because_you_bought', title }
        : { type: 'because_you_viewed', title };
    };
    return present(
      chosen.map(({ candidate, product }) => ({
        product,
        candidate: { ...candidate, reason: explain(product, candidate.reason) },
      })),
      language ?? fallback,
    );
  }

  /** "People also bought": the product's neighbours that are on sale and in stock; 404 for an unknown one. */
  async function alsoBought(productId: string, limit: number): Promise<Product[]> {
    await cache.current();
    const source = cache
      .neighboursOf([productId], SOURCE_READ)
      .map((n): Candidate => ({ productId: n.neighbourId, reason: { type: 'for_you' } }));
    // The product itself is read with the first page: missing there, it is unknown or archived.
    let first = true;
    const { chosen, known } = await pick(
      [source],
      () => true,
      limit,
      () => {
        const ids = first ? [productId] : [];
        first = false;
        return ids;
      },
    );
    // Not among them (or no page was read): the catalog's own answer, a 404 for an archived or unknown one.
    if (!known.has(productId)) await catalog.getProduct(productId);
    return chosen.map((c) => c.product);
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

  return {
    popularFor,
    forUser,
    alsoBought,
    friendsBoughtOf,
    /** After a training or a refresh of the popular list in this process. */
    trained: cache.reload,
    forgetPopular: cache.forgetPopular,
    cacheStats: cache.stats,
  };
}
