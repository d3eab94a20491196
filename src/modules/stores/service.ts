import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { businessRule, conflict, invalidInput, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { AccountsService, PublicUser } from '../accounts/index.js';
import type { CatalogService, Product } from '../catalog/index.js';
import * as q from './queries.js';
import { MAX_LISTED_PRODUCTS, normalizeSlug, slugProblem } from './rules.js';

export interface Store {
  id: string;
  slug: string;
  name: string;
  logo: string | null;
  intro: string | null;
  ownerId: string;
  createdAt: string;
}

/** What a visitor sees: the store, who runs it, and the active products it lists. */
export interface StorePage {
  id: string;
  slug: string;
  name: string;
  logo: string | null;
  intro: string | null;
  owner: { id: string; name: string };
  products: Product[];
}

/** What other modules (distribution, orders) need to know about a store. */
export interface StoreRef {
  id: string;
  slug: string;
  name: string;
  ownerId: string;
}

export interface StoreInput {
  name: string;
  slug: string;
  logo?: string | null;
  intro?: string | null;
}

export type StorePatch = Partial<Pick<StoreInput, 'name' | 'logo' | 'intro'>>;

export interface Listing {
  storeId: string;
  productId: string;
  listed: boolean;
}

export interface ShopkeeperStatus {
  status: 'pending' | 'approved';
  user: PublicUser;
}

export interface ShopkeeperApplication {
  userId: string;
  name: string;
  email: string;
  status: 'pending' | 'approved';
  createdAt: string;
  decidedAt: string | null;
}

const presentStore = (row: q.StoreRow): Store => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  logo: row.logo,
  intro: row.intro,
  ownerId: row.owner_id,
  createdAt: row.created_at.toISOString(),
});

const storeRef = (row: q.StoreRow | undefined): StoreRef | undefined =>
  row && { id: row.id, slug: row.slug, name: row.name, ownerId: row.owner_id };

/** Blank optional text is stored as "none", so a cleared intro reads the same as one never given. */
const optionalText = (value: string | null | undefined) => value?.trim() || null;

export function createStoresService(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  catalog: CatalogService;
  /** SHOPKEEPER_APPROVAL: new shopkeepers wait for an administrator. */
  shopkeeperApproval: boolean;
}) {
  const { db, clock, accounts, catalog, shopkeeperApproval } = deps;

  /**
   * Makes the user a shopkeeper, or files their application when approval is on. Asking again is
   * harmless: it answers the current state. With approval turned off, a pending application from
   * before goes through.
   */
  async function becomeShopkeeper(userId: string): Promise<ShopkeeperStatus> {
    const user = await accounts.getUser(userId);
    if (user.roles.includes('shopkeeper')) return { status: 'approved', user };
    const now = clock.now();
    const application = await q.upsertApplication(db, {
      id: newId(),
      user_id: userId,
      status: shopkeeperApproval ? 'pending' : 'approved',
      created_at: now,
      decided_at: shopkeeperApproval ? null : now,
      decided_by: null,
    });
    if (application?.status === 'pending' && shopkeeperApproval) return { status: 'pending', user };
    // The role is granted before the application is marked: a crash in between leaves it pending,
    // and approving (or asking) again completes it.
    const shopkeeper = await accounts.grantRole(userId, 'shopkeeper');
    await q.approveApplication(db, userId, null, now);
    return { status: 'approved', user: shopkeeper };
  }

  /** Where the user stands: a shopkeeper, waiting for approval, or neither. */
  async function shopkeeperStatus(userId: string): Promise<'approved' | 'pending' | 'none'> {
    const user = await accounts.getUser(userId);
    if (user.roles.includes('shopkeeper')) return 'approved';
    return (await q.findApplication(db, userId))?.status === 'pending' ? 'pending' : 'none';
  }

  async function approveShopkeeper(adminId: string, userId: string): Promise<ShopkeeperStatus> {
    if (!(await q.findApplication(db, userId))) throw notFound('Shopkeeper application');
    const user = await accounts.grantRole(userId, 'shopkeeper');
    await q.approveApplication(db, userId, adminId, clock.now());
    return { status: 'approved', user };
  }

  async function listShopkeeperApplications(filter: {
    status?: 'pending' | 'approved';
    limit: number;
    cursor?: string;
  }): Promise<Page<ShopkeeperApplication>> {
    const [afterId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.listApplications(db, {
      status: filter.status,
      afterId: afterId === undefined ? undefined : String(afterId),
      limit: filter.limit,
    });
    // An administrator's queue page: at most `limit` look-ups through the accounts service.
    const users = new Map(
      await Promise.all(
        rows.slice(0, filter.limit).map(async (r) => [r.user_id, await accounts.getUser(r.user_id)] as const),
      ),
    );
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => ({
        userId: r.user_id,
        name: users.get(r.user_id)?.name ?? '',
        email: users.get(r.user_id)?.email ?? '',
        status: r.status,
        createdAt: r.created_at.toISOString(),
        decidedAt: r.decided_at?.toISOString() ?? null,
      }),
    );
  }

  async function createStore(ownerId: string, input: StoreInput): Promise<Store> {
    const slug = normalizeSlug(input.slug);
    const problem = slugProblem(slug);
    if (problem) throw invalidInput('/slug', problem);
    const now = clock.now();
    const row = await q.insertStore(db, {
      id: newId(),
      owner_id: ownerId,
      slug,
      name: input.name.trim(),
      logo: optionalText(input.logo),
      intro: optionalText(input.intro),
      created_at: now,
      updated_at: now,
    });
    if (row) return presentStore(row);
    if (await q.findStoreByOwner(db, ownerId)) throw conflict('You already have a store');
    throw conflict('This store address is taken');
  }

  async function updateStore(ownerId: string, storeId: string, patch: StorePatch): Promise<Store> {
    return db.transaction(async (tx) => {
      const store = await q.findOwnedStore(tx, storeId, ownerId, true);
      if (!store) throw notFound('Store');
      const updated = await q.updateStore(tx, storeId, {
        name: patch.name?.trim() ?? store.name,
        logo: patch.logo === undefined ? store.logo : optionalText(patch.logo),
        intro: patch.intro === undefined ? store.intro : optionalText(patch.intro),
        updated_at: clock.now(),
      });
      return presentStore(updated ?? store);
    });
  }

  async function getMyStore(ownerId: string): Promise<Store> {
    const store = await q.findStoreByOwner(db, ownerId);
    if (!store) throw notFound('Store');
    return presentStore(store);
  }

  /** Lists an active catalog product in the owner's store; listing it again changes nothing. */
  async function listProduct(ownerId: string, storeId: string, productId: string): Promise<Listing> {
    // Outside the transaction: the catalog reads through its own connection.
    await catalog.getProduct(productId);
    return db.transaction(async (tx) => {
      // The store row lock serializes listings, so the cap holds under concurrent requests.
      if (!(await q.findOwnedStore(tx, storeId, ownerId, true))) throw notFound('Store');
      if (!(await q.isListed(tx, storeId, productId))) {
        if ((await q.countListed(tx, storeId)) >= MAX_LISTED_PRODUCTS)
          throw businessRule(`A store lists at most ${MAX_LISTED_PRODUCTS} products`);
        await q.listProduct(tx, storeId, productId, clock.now());
      }
      return { storeId, productId, listed: true };
    });
  }

  async function unlistProduct(ownerId: string, storeId: string, productId: string): Promise<Listing> {
    if (!(await q.findOwnedStore(db, storeId, ownerId))) throw notFound('Store');
    await q.unlistProduct(db, storeId, productId);
    return { storeId, productId, listed: false };
  }

  async function presentPage(store: q.StoreRow | undefined): Promise<StorePage> {
    if (!store) throw notFound('Store');
    const owner = await accounts.getUser(store.owner_id);
    const products = await catalog.getProducts(await q.listedProductIds(db, store.id));
    return {
      id: store.id,
      slug: store.slug,
      name: store.name,
      logo: store.logo,
      intro: store.intro,
      owner: { id: owner.id, name: owner.name },
      products,
    };
  }

  return {
    becomeShopkeeper,
    shopkeeperStatus,
    approveShopkeeper,
    listShopkeeperApplications,
    createStore,
    updateStore,
    getMyStore,
    listProduct,
    unlistProduct,
    getStorePageBySlug: async (slug: string) => presentPage(await q.findStoreBySlug(db, normalizeSlug(slug))),
    getStorePageById: async (id: string) => presentPage(await q.findStoreById(db, id)),
    // For other modules, inside their own transactions.
    findStoreBySlug: async (conn: Queryable, slug: string) =>
      storeRef(await q.findStoreBySlug(conn, normalizeSlug(slug))),
    findStoreById: async (conn: Queryable, id: string) => storeRef(await q.findStoreById(conn, id)),
    /** Which of these products the store lists (archived ones included: the caller decides). */
    storeListsProducts: async (conn: Queryable, storeId: string, productIds: readonly string[]) =>
      new Set(productIds.length === 0 ? [] : await q.listedAmong(conn, storeId, productIds)),
  };
}

export type StoresService = ReturnType<typeof createStoresService>;
