import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { Database } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { seedDemoAcademy } from './academy.js';
import { seedDemoAddressBook } from './addresses.js';
import { seedDemoAnalytics } from './analytics.js';
import { seedDemoBargains } from './bargains.js';
import {
  DEMO_CATEGORIES,
  type DemoProduct,
  demoCatalog,
  demoCategoryDetails,
  demoImagePath,
} from './catalog.js';
import { seedDemoCheckins } from './checkins.js';
import { seedDemoCommunities } from './communities.js';
import { seedDemoCompetitions } from './competitions.js';
import { seedDemoContentOrders } from './content-orders.js';
import { type DemoEarningsSummary, seedDemoEarnings, seedDemoStock } from './earnings.js';
import { seedDemoFlashSales } from './flash-sales.js';
import { seedDemoGifts } from './gifts.js';
import { seedDemoHonours } from './honours.js';
import { seedDemoImport } from './imports.js';
import { seedDemoLevels } from './levels.js';
import { seedDemoLive } from './live.js';
import { seedDemoOrders } from './orders.js';
import { type DemoPerson, demoAdmin, demoPeople } from './people.js';
import { uploadDemoPictures } from './pictures.js';
import { seedDemoPoints } from './points.js';
import { seedDemoPointsMall } from './points-mall.js';
import { seedDemoPosts } from './posts.js';
import { seedDemoRecommendations } from './recommendations.js';
import { seedDemoShipping } from './shipping.js';
import { seedDemoSimulations } from './simulations.js';
import { type DemoSocialSummary, seedDemoSocial } from './social.js';
import { seedDemoTaskProgress, seedDemoTasks } from './tasks.js';
import { DemoTime } from './time.js';

type Services = BuiltApp['services'];

export interface DemoSummary extends DemoSocialSummary, DemoEarningsSummary {
  competitions: number;
  liveRooms: number;
  mallItems: number;
  products: number;
  categories: number;
  accounts: string[];
  orders: number;
  tasks: number;
  shippingTemplates: number;
  /** The demo community with its pickup point (communities.ts). */
  communities: number;
  /** A flash sale on now and one opening soon (flash-sales.ts). */
  flashSales: number;
  /** A bargain campaign and a demo buyer's bargain with two helps (bargains.ts). */
  bargains: number;
  /** A gift one demo buyer sent another, claimed, and one still waiting for its friend (gifts.ts). */
  gifts: number;
  /** Background jobs run at the end: the notifications of the story, among others. */
  jobs: number;
}

/** What the demo's story needs besides the services: a clock to move through it, and the jobs. */
export interface DemoRuntime {
  clock: ConstructorParameters<typeof DemoTime>[0];
  jobs: Pick<BuiltApp['jobs'], 'runDue'>;
}

/**
 * Loads the demo shop into an empty database: the catalog, a shopkeeper, three buyers and, when
 * no administrator exists yet (ADMIN_EMAIL unset), the demo administrator; then the shopkeeper's
 * store, group buys, coupons and the invitation reward (social.ts), a stock delivery, the orders
 * of the past fortnight (orders.ts) and the shopkeeper's earnings (earnings.ts). Does nothing when
 * products already exist, so it is safe on every start: a first start stopped after the first
 * product leaves a shop without the rest, never one that fails to start. Either way the clock
 * ends in the present (time.ts).
 */
export async function seedDemoShop(
  services: Services,
  db: Database,
  runtime: DemoRuntime,
): Promise<DemoSummary | null> {
  const time = new DemoTime(runtime.clock);
  try {
    return await seedStory(services, db, runtime, time);
  } finally {
    time.catchUp();
  }
}

/**
 * The story, in the order it happened: people, catalog and store a fortnight ago, then the orders
 * day by day; in the present, the shopkeeper's settled commission and her withdrawal request, and
 * the due jobs (the notifications of it all) run before the first visitor arrives.
 */
async function seedStory(
  services: Services,
  db: Database,
  runtime: DemoRuntime,
  time: DemoTime,
): Promise<DemoSummary | null> {
  if (await hasProducts(db)) return null;
  const people = await createPeople(services);
  const accounts = [...people.values()].map((user) => user.email);
  if (!(await hasAdmin(db))) {
    accounts.push((await services.accounts.ensureAdmin(demoAdmin.email, demoAdmin.password)).email);
  }
  await createCategories(services);
  const products = new Map<string, Product>();
  const pictures = await uploadDemoPictures(
    services.uploads,
    (await firstAdmin(db)).id,
    demoCatalog.map((p) => p.slug),
  );
  // Newest products are listed first, so the first in listing order is created last.
  for (const product of listingOrder(demoCatalog).reverse()) {
    const images = [pictures.get(product.slug) ?? demoImagePath(product.slug)];
    products.set(product.slug, await services.catalog.createProduct({ ...productInput(product), images }));
  }
  const shopkeeper = people.get('shopkeeper');
  if (!shopkeeper) throw new Error('The demo people have no shopkeeper');
  const social = await seedDemoSocial(services, shopkeeper, products);
  const tasks = await seedDemoTasks(services);
  const admin = await firstAdmin(db);
  await seedDemoStock(services, admin, products);
  const competitions = await seedDemoCompetitions(services, products, runtime);
  await seedDemoPoints(services, db, people, runtime.clock.now(), admin.id);
  const orders = await seedDemoOrders(services, people, admin, products, time, runtime.jobs);
  // Yesterday's session (a replay), then one on air in the present: the live module's story ends now.
  const live = await seedDemoLive(services, people, products, time, runtime.clock);
  time.catchUp();
  const shipping = await seedDemoShipping(services, products);
  await seedDemoImport(services, admin.id, products);
  await seedDemoAddressBook(services, db, person(people, 'buyer1'), products);
  await seedDemoCheckins(services, person(people, 'buyer1'));
  await seedDemoTaskProgress(services, person(people, 'buyer1'), products);
  await seedDemoAcademy(services, people);
  const { firstPostId } = await seedDemoPosts(services, people, products);
  await seedDemoContentOrders(services, people, products, { postId: firstPostId, liveRoomId: live.onAirId });
  const mall = await seedDemoPointsMall(services, db, people, products);
  const earnings = orders > 0 ? await seedDemoEarnings(services, shopkeeper) : { withdrawals: 0 };
  // After the orders' growth is posted (their deferred reactions), so buyers land on their levels at once.
  await runtime.jobs.runDue();
  await seedDemoLevels(services);
  await seedDemoHonours(services, db, shopkeeper);
  const community = await seedDemoCommunities(services, people, products, time);
  if (community.leaderEmail) accounts.push(community.leaderEmail);
  const flash = await seedDemoFlashSales(services, people.get('buyer3'), products, runtime.clock.now());
  const bargains = await seedDemoBargains(services, people, products);
  const gifts = await seedDemoGifts(services, people, products);
  const jobs = await runtime.jobs.runDue();
  // Last, once every order's reactions ran: the dashboard's fortnight of link openings.
  await seedDemoAnalytics(services, db, runtime.clock.now());
  // After every order's purchase was recorded (their reactions above): browsing, then one training.
  await seedDemoRecommendations(services, people, products, runtime.clock.now());
  // The incentive simulator's example comparison, computed here (a fraction of a second).
  await seedDemoSimulations(services, admin.id);
  return {
    products: demoCatalog.length,
    categories: DEMO_CATEGORIES.length,
    accounts,
    ...social,
    ...competitions,
    liveRooms: live.liveRooms,
    orders,
    ...earnings,
    tasks,
    ...mall,
    ...shipping,
    communities: community.communities,
    ...flash,
    ...bargains,
    ...gifts,
    jobs,
  };
}

function person(people: ReadonlyMap<DemoPerson['key'], PublicUser>, key: DemoPerson['key']): PublicUser {
  const found = people.get(key);
  if (!found) throw new Error(`The demo people have no ${key}`);
  return found;
}

async function hasProducts(db: Database): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM products) AS present');
  return row?.present ?? false;
}

async function hasAdmin(db: Database): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM users WHERE 'admin' = ANY (roles)) AS present",
  );
  return row?.present ?? false;
}

/** The administrator who ships the demo orders: the demo one, or the operator's own. */
async function firstAdmin(db: Database): Promise<{ id: string }> {
  const [row] = await db.query<{ id: string }>(
    "SELECT id FROM users WHERE 'admin' = ANY (roles) ORDER BY created_at, id LIMIT 1",
  );
  if (!row) throw new Error('The demo shop has no administrator to ship its orders');
  return row;
}

async function createPeople(services: Services): Promise<Map<DemoPerson['key'], PublicUser>> {
  const created = new Map<DemoPerson['key'], PublicUser>();
  for (const person of demoPeople) {
    const inviter = person.invitedBy ? created.get(person.invitedBy) : undefined;
    created.set(person.key, await createPerson(services, person, inviter?.inviteCode));
  }
  return created;
}

async function createPerson(services: Services, person: DemoPerson, inviteCode?: string) {
  const { email, password, name, roles, language } = person;
  try {
    return (await services.accounts.register({ email, password, name, roles, inviteCode, language })).user;
  } catch (error) {
    // A first start stopped halfway through seeding left this person behind: carry on with them.
    if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    return (await services.accounts.login({ email, password })).user;
  }
}

/** The aisles, named in both languages and in order, before any product refers to them. */
async function createCategories(services: Services) {
  for (const slug of DEMO_CATEGORIES) {
    try {
      await services.catalog.createCategory({ slug, ...demoCategoryDetails[slug] });
    } catch (error) {
      // A first start stopped halfway through seeding made it already: keep it.
      if (!(error instanceof AppError && error.reason === 'category_taken')) throw error;
    }
  }
}

/** Round-robin over the categories, so the storefront opens on a mix rather than on one aisle. */
function listingOrder(catalog: readonly DemoProduct[]): DemoProduct[] {
  const aisles = DEMO_CATEGORIES.map((category) => catalog.filter((p) => p.category === category));
  const longest = Math.max(...aisles.map((aisle) => aisle.length));
  const mixed: DemoProduct[] = [];
  for (let i = 0; i < longest; i++) {
    for (const aisle of aisles) {
      const product = aisle[i];
      if (product) mixed.push(product);
    }
  }
  return mixed;
}

const productInput = (product: DemoProduct) => ({
  title: product.title,
  description: product.description,
  category: product.category,
  images: [demoImagePath(product.slug)],
  variants: product.variants,
  commissionRateBps: product.commissionRateBps ?? null,
});
