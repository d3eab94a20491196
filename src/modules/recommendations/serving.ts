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

  async function popularCandidates(
    products: Map<string, Product>,
    ids: readonly string[],
    language: Language,
  ) {
    const out: Candidate[] = [];
    for (const id of ids) {
      const category = await categoryName(products.get(id)?.category ?? null, language);
      out.push({
        productId: id,
        reason: category ? { type: 'popular_in_category', category } : { type: 'popular' },
      });
    }
    return out;
  }

  async function present(list: readonly Candidate[], products: Map<string, Product>, language: Language) {
    return list.map((c) => ({
      product: products.get(c.productId) as Product,
      reason: { type: c.reason.type, text: reasonText(c.reason, language) },
    }));
  }

  async function productsById(ids: readonly string[]) {
    return new Map((await catalog.getProducts([...new Set(ids)])).map((p) => [p.id, p]));
  }

  /** Popular products overall (the anonymous visitor's list). */
  async function popularFor(limit: number, language: Language): Promise<Recommendation[]> {
    const ids = (await q.popular(db, SOURCE_READ)).map((r) => r.product_id);
    const products = await productsById(ids);
    const candidates = await popularCandidates(products, ids, language);
    return present(
      mergeCandidates([candidates], (id) => sellable(products.get(id)), limit),
      products,
      language,
    );
  }

  /**
   * The person's list: what friends bought lately, the model's picks (explained by what they
   * bought or looked at), products wanted with their latest ones (so a purchase since the last
   * training counts at once), then popular ones. Never what they bought in the last 30 days,
   * unless it is a repurchase item.
   */
  async function forUser(userId: string, limit: number, fallback: Language): Promise<Recommendation[]> {
    const now = clock.now().getTime();
    const language = (await people.languageOf(userId)) ?? fallback;
    const justBought = new Set(await q.boughtSince(db, userId, new Date(now - JUST_BOUGHT_DAYS * DAY)));
    const friends = tallyFriendPurchases(
      await q.friendPurchases(db, userId, new Date(now - FRIENDS_BOUGHT_DAYS * DAY)),
      SOURCE_READ,
    );
    const model = (await q.candidatesOf(db, userId, SOURCE_READ)).map((r) => r.product_id);
    const recent = await q.latestOfKinds(db, userId, ['purchase', 'cart', 'view'], 10);
    const neighbours = await q.neighboursOf(
      db,
      recent.map((r) => r.product_id),
      SOURCE_READ * 2,
    );
    const popular = (await q.popular(db, SOURCE_READ)).map((r) => r.product_id);
    const names = await people.namesOf([...new Set(friends.map((f) => f.latestFriend))]);
    const products = await productsById([
      ...friends.map((f) => f.productId),
      ...model,
      ...neighbours.flatMap((n) => [n.neighbour_id, n.product_id]),
      ...popular,
    ]);

    // The first of the person's recent products each candidate neighbours explains it.
    const kindOf = new Map(recent.map((r) => [r.product_id, r.kind]));
    const anchorOf = new Map<string, string>();
    for (const n of neighbours) if (!anchorOf.has(n.neighbour_id)) anchorOf.set(n.neighbour_id, n.product_id);
    const explained = (productId: string): Reason => {
      const anchor = anchorOf.get(productId);
      const title = anchor ? products.get(anchor)?.title : undefined;
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
      model.map((id) => ({ productId: id, reason: explained(id) })),
      neighbours.map((n) => ({ productId: n.neighbour_id, reason: explained(n.neighbour_id) })),
      await popularCandidates(products, popular, language),
    ];
    const allowed = (id: string) => {
      const product = products.get(id);
      return sellable(product) && (!justBought.has(id) || product.repurchase);
    };
    return present(mergeCandidates(sources, allowed, limit), products, language);
  }

  /** "People also bought": the product's neighbours that are on sale and in stock; 404 for an unknown one. */
  async function alsoBought(productId: string, limit: number): Promise<Product[]> {
    await catalog.getProduct(productId);
    const ids = (await q.neighboursOf(db, [productId], SOURCE_READ)).map((n) => n.neighbour_id);
    const products = await productsById(ids);
    return ids
      .map((id) => products.get(id))
      .filter(sellable)
      .slice(0, limit);
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

  return { popularFor, forUser, alsoBought, friendsBoughtOf };
}
