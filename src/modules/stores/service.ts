import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { AccountsService } from '../accounts/index.js';
import { type AuditContext, record } from '../audit/index.js';
import type { CatalogService } from '../catalog/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  type ApplicationStatus,
  applicationMachine,
  MAX_LISTED_PRODUCTS,
  normalizeSlug,
  slugProblem,
} from './rules.js';
import type {
  Listing,
  MyShopkeeperStatus,
  ShopkeeperApplication,
  ShopkeeperStatus,
  Store,
  StoreInput,
  StorePage,
  StorePatch,
} from './schemas.js';

/**
 * What stores need of uploads: the URL of the person's own upload by its id; someone else's upload
 * or an unknown id is refused as not found (404) by the port.
 */
export interface StoreLogoUploads {
  ownedUrl(conn: Queryable, ownerId: string, uploadId: string): Promise<string>;
}

/** What other modules (distribution, orders) need to know about a store. */
export interface StoreRef {
  id: string;
  slug: string;
  name: string;
  ownerId: string;
}

export type { Listing, ShopkeeperApplication, ShopkeeperStatus, Store, StoreInput, StorePage, StorePatch };

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
  uploads: StoreLogoUploads;
}) {
  const { db, clock, accounts, catalog, shopkeeperApproval, uploads } = deps;

  /** The logo a create or edit sets: an upload of the owner's wins over a typed address. */
  const chosenLogo = async (ownerId: string, input: Pick<StorePatch, 'logo' | 'logoUploadId'>) =>
    input.logoUploadId ? uploads.ownedUrl(db, ownerId, input.logoUploadId) : input.logo;

  /**
   * Makes the user a shopkeeper, or files their application when approval is on. Asking again is
   * harmless: it answers the current state. With approval turned off, a pending application from
   * before goes through.
   */
  async function becomeShopkeeper(userId: string): Promise<ShopkeeperStatus> {
    const user = await accounts.getUser(userId, db);
    if (user.roles.includes('shopkeeper')) return { status: 'approved', user };
    const now = clock.now();
    const status: ApplicationStatus = shopkeeperApproval ? 'pending' : 'approved';
    let application = await q.upsertApplication(db, {
      id: newId(),
      user_id: userId,
      status,
      created_at: now,
      decided_at: shopkeeperApproval ? null : now,
      decided_by: null,
      reject_reason: null,
    });
    // Turned down before: asking again is a new application, waiting like the first one did.
    if (application?.status === 'rejected' && shopkeeperApproval) {
      await q.reopenApplication(db, userId, now, applicationMachine.fromStates('pending'));
      application = await q.findApplication(db, userId);
    }
    if (application?.status === 'pending' && shopkeeperApproval) return { status: 'pending', user };
    // The role is granted before the application is marked: a crash in between leaves it pending,
    // and approving (or asking) again completes it.
    const shopkeeper = await accounts.grantRole(userId, 'shopkeeper');
    await q.approveApplication(db, userId, null, now, applicationMachine.fromStates('approved'));
    return { status: 'approved', user: shopkeeper };
  }

  /** Refuses a user who is not a shopkeeper, saying whether their application still waits. */
  async function assertShopkeeper(userId: string, roles: readonly string[]): Promise<void> {
    if (roles.includes('shopkeeper')) return;
    if ((await q.findApplication(db, userId))?.status === 'pending')
      throw refuse(
        'shopkeeper_approval_pending',
        undefined,
        'Your shopkeeper application waits for approval',
      );
    throw refuse('shopkeeper_required', undefined, 'Become a shopkeeper to open a store');
  }

  /**
   * Where the user stands: a shopkeeper, waiting for approval, turned down (with the operator's
   * reason, shown to them as written), or none of these.
   */
  async function shopkeeperStatus(userId: string): Promise<MyShopkeeperStatus> {
    const user = await accounts.getUser(userId, db);
    if (user.roles.includes('shopkeeper')) return { status: 'approved', reason: null, decidedAt: null };
    const application = await q.findApplication(db, userId);
    if (application?.status === 'pending') return { status: 'pending', reason: null, decidedAt: null };
    if (application?.status === 'rejected')
      return {
        status: 'rejected',
        reason: application.reject_reason,
        decidedAt: application.decided_at?.toISOString() ?? null,
      };
    return { status: 'none', reason: null, decidedAt: null };
  }

  /** Turns a pending application down; rejecting a rejected one again changes nothing. */
  async function rejectShopkeeper(
    adminId: string,
    userId: string,
    reason: string | null | undefined,
    by?: AuditContext,
  ): Promise<ShopkeeperApplication> {
    const application = await q.findApplication(db, userId);
    if (!application) throw notFound('Shopkeeper application');
    if (application.status === 'rejected')
      return (await presentApplications([application]))[0] as ShopkeeperApplication;
    applicationMachine.assertTransition(application.status, 'rejected');
    const decided = await db.transaction(async (tx) => {
      const at = clock.now();
      const row = await q.rejectApplication(
        tx,
        { userId, adminId, now: at, reason: optionalText(reason) },
        applicationMachine.fromStates('rejected'),
      );
      if (row) {
        const target = { type: 'user', id: userId };
        const after = { shopkeeperApplication: 'rejected', reason: optionalText(reason) };
        await record(tx, {
          by,
          at,
          action: 'shopkeeper.reject',
          target,
          before: { shopkeeperApplication: application.status },
          after,
        });
      }
      return row;
    });
    // Approved in between by another operator: the machine says why not.
    if (!decided) applicationMachine.assertTransition('approved', 'rejected');
    return (await presentApplications([decided ?? application]))[0] as ShopkeeperApplication;
  }

  async function presentApplications(rows: readonly q.ApplicationRow[]): Promise<ShopkeeperApplication[]> {
    // Names and emails from the accounts module, in one look-up: stores never read `users`.
    const users = await accounts.contactsOf(
      db,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => ({
      userId: r.user_id,
      name: users.get(r.user_id)?.name ?? '',
      email: users.get(r.user_id)?.email ?? '',
      status: r.status,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
      rejectReason: r.reject_reason,
    }));
  }

  async function approveShopkeeper(
    adminId: string,
    userId: string,
    by?: AuditContext,
  ): Promise<ShopkeeperStatus> {
    const application = await q.findApplication(db, userId);
    if (!application) throw notFound('Shopkeeper application');
    // Approving twice is harmless (the role is granted again, the decision stays the first one).
    if (application.status !== 'approved')
      applicationMachine.assertTransition(application.status, 'approved');
    // The role, the decision and its audit entry in one transaction: all of them or none.
    const user = await db.transaction(async (tx) => {
      const granted = await accounts.grantRoleIn(tx, userId, 'shopkeeper');
      const at = clock.now();
      await q.approveApplication(tx, userId, adminId, at, applicationMachine.fromStates('approved'));
      const target = { type: 'user', id: userId };
      const before = { shopkeeperApplication: application.status };
      const after = { shopkeeperApplication: 'approved', roles: granted.roles };
      await record(tx, { by, at, action: 'shopkeeper.approve', target, before, after });
      return granted;
    });
    return { status: 'approved', user };
  }

  /**
   * Applications oldest first (the queue, in the order people applied); with `decided`, approved and
   * rejected ones, latest decision first (what the console shows as recently decided).
   */
  async function listShopkeeperApplications(filter: {
    status?: ApplicationStatus;
    decided?: boolean;
    limit: number;
    cursor?: string;
  }): Promise<Page<ShopkeeperApplication>> {
    let rows: q.ApplicationRow[];
    let keyOf: (r: q.ApplicationRow) => (string | number)[];
    if (filter.decided) {
      rows = await q.listDecidedApplications(db, {
        status: filter.status,
        after: decodeTimeCursor(filter.cursor),
        limit: filter.limit,
      });
      keyOf = (r) => [r.decided_at?.toISOString() ?? '', r.id];
    } else {
      rows = await q.listApplications(db, {
        status: filter.status,
        after: decodeTimeCursor(filter.cursor),
        limit: filter.limit,
      });
      keyOf = (r) => [r.created_at.toISOString(), r.id];
    }
    const items = await presentApplications(rows.slice(0, filter.limit));
    const byUser = new Map(items.map((a) => [a.userId, a]));
    return toPage(rows, filter.limit, keyOf, (r) => byUser.get(r.user_id) as ShopkeeperApplication);
  }

  async function createStore(ownerId: string, input: StoreInput): Promise<Store> {
    const slug = normalizeSlug(input.slug);
    const problem = slugProblem(slug);
    if (problem) throw invalidInput('/slug', problem.message, problem.rule, problem.params);
    const logo = await chosenLogo(ownerId, input);
    const now = clock.now();
    const row = await q.insertStore(db, {
      id: newId(),
      owner_id: ownerId,
      slug,
      name: input.name.trim(),
      logo: optionalText(logo),
      intro: optionalText(input.intro),
      created_at: now,
      updated_at: now,
    });
    if (row) return presentStore(row);
    const own = await q.findStoreByOwner(db, ownerId);
    if (own) throw refuse('one_store_per_shopkeeper', { storeId: own.id }, 'You already have a store');
    throw refuse('slug_taken', { slug }, 'This store address is taken');
  }

  async function updateStore(ownerId: string, storeId: string, patch: StorePatch): Promise<Store> {
    return db.transaction(async (tx) => {
      const store = await q.findOwnedStore(tx, storeId, ownerId, true);
      if (!store) throw notFound('Store');
      const logo = patch.logoUploadId ? await uploads.ownedUrl(tx, ownerId, patch.logoUploadId) : patch.logo;
      const updated = await q.updateStore(tx, storeId, {
        name: patch.name?.trim() ?? store.name,
        logo: logo === undefined ? store.logo : optionalText(logo),
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
    await catalog.listableProduct(productId);
    return db.transaction(async (tx) => {
      // The store row lock serializes listings, so the cap holds under concurrent requests.
      if (!(await q.findOwnedStore(tx, storeId, ownerId, true))) throw notFound('Store');
      if (!(await q.isListed(tx, storeId, productId))) {
        if ((await q.countListed(tx, storeId)) >= MAX_LISTED_PRODUCTS)
          throw refuse(
            'store_listing_limit',
            { max: MAX_LISTED_PRODUCTS },
            `A store lists at most ${MAX_LISTED_PRODUCTS} products`,
          );
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
    const owner = (await accounts.namesOf(db, [store.owner_id])).get(store.owner_id) ?? '';
    const products = await catalog.getProducts(await q.listedProductIds(db, store.id));
    return {
      id: store.id,
      slug: store.slug,
      name: store.name,
      logo: store.logo,
      intro: store.intro,
      owner: { id: store.owner_id, name: owner },
      products,
    };
  }

  return {
    becomeShopkeeper,
    shopkeeperStatus,
    assertShopkeeper,
    approveShopkeeper,
    rejectShopkeeper,
    listShopkeeperApplications,
    createStore,
    updateStore,
    getMyStore,
    listProduct,
    unlistProduct,
    /** Every store's slug and last change, for the sitemap. */
    publicStores: async (limit: number) =>
      (
        await db.query<{ slug: string; updated_at: Date }>(
          'SELECT slug, updated_at FROM stores ORDER BY created_at, id LIMIT $1',
          [limit],
        )
      ).map((r) => ({ slug: r.slug, updatedAt: r.updated_at.toISOString() })),
    getStorePageBySlug: async (slug: string) => presentPage(await q.findStoreBySlug(db, normalizeSlug(slug))),
    getStorePageById: async (id: string) => presentPage(await q.findStoreById(db, id)),
    // For other modules, inside their own transactions.
    findStoreBySlug: async (conn: Queryable, slug: string) =>
      storeRef(await q.findStoreBySlug(conn, normalizeSlug(slug))),
    findStoreById: async (conn: Queryable, id: string) => storeRef(await q.findStoreById(conn, id)),
    /**
     * Every shopkeeper with the moment they became one (years-of-service honours): their application's
     * approval, or, without one, the opening of their account. Only stores grants the role later, and
     * always with an application, so a shopkeeper without one was created with the role (the demo, an
     * import of shopkeepers from an older system): the account's opening is when they got it.
     */
    shopkeepersSince: async (conn: Queryable) => {
      const approved = new Map((await q.approvedShopkeepers(conn)).map((r) => [r.user_id, r.decided_at]));
      return (await accounts.roleHolders(conn, 'shopkeeper')).map((u) => ({
        userId: u.id,
        since: approved.get(u.id) ?? u.createdAt,
      }));
    },
    /** Which of these products the store lists (archived ones included: the caller decides). */
    storeListsProducts: async (conn: Queryable, storeId: string, productIds: readonly string[]) =>
      new Set(productIds.length === 0 ? [] : await q.listedAmong(conn, storeId, productIds)),
  };
}

export type StoresService = ReturnType<typeof createStoresService>;
