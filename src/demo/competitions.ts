import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import { days } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';

type Services = BuiltApp['services'];

/**
 * Three more promoters, each with a store and friends who signed up with their code and bought there
 * first: so both competitions have a leaderboard of people besides the demo shopkeeper.
 */
const rivals = [
  { key: 'liu', name: 'Liu Yang', slug: 'liu-yang-goods', customers: ['Ma Lin', 'Gao Yu', 'Luo Qing'] },
  { key: 'zhou', name: 'Zhou Min', slug: 'zhou-min-kitchen', customers: ['Xie Ning', 'Tang Hao'] },
  { key: 'huang', name: 'Huang Wei', slug: 'huang-wei-tea', customers: ['Feng Jia'] },
] as const;

const PASSWORD = 'demo-competitor';

const ADDRESS = {
  name: 'Demo customer',
  phone: '+86 139 0000 1234',
  line1: '1 Wenyi West Road, Xihu District',
  city: 'Hangzhou',
  country: 'China',
};

async function account(
  services: Services,
  email: string,
  name: string,
  inviteCode?: string,
): Promise<PublicUser> {
  try {
    const roles = inviteCode ? [] : (['shopkeeper'] as const);
    return (
      await services.accounts.register({ email, password: PASSWORD, name, inviteCode, roles: [...roles] })
    ).user;
  } catch (error) {
    // A first start stopped halfway through seeding left this person behind: carry on with them.
    if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    return (await services.accounts.login({ email, password: PASSWORD })).user;
  }
}

/** A customer's first order in a rival's store, paid through the sandbox. */
async function firstOrder(services: Services, buyer: PublicUser, storeSlug: string, product: Product) {
  const variant = product.variants[0];
  if (!variant) throw new Error('A demo product has no variant');
  const placed = await services.orders.placeOrder(buyer.id, {
    items: [{ variantId: variant.id, quantity: 1 }],
    address: { ...ADDRESS, name: buyer.name },
    storeSlug,
  });
  const payment = await services.payments.latestPaymentNow(placed.body.id);
  const event = payment && (await services.sandbox?.simulate(payment.external_id, 'succeeded'));
  if (!event) throw new Error('A demo competition order could not be paid');
  await services.orders.confirmPayment('sandbox', event);
}

/**
 * At the start of the demo's story: an opening-week competition on new customers (it ends a week
 * into the story and its prizes are paid then, by the award job the story's jobs run) and a running
 * one for the month, both scored by real orders: the rivals' customers now, the demo shopkeeper's
 * own customers as the story's orders come in. Orders need the sandbox; without it the competitions
 * exist with empty leaderboards.
 */
export async function seedDemoCompetitions(
  services: Services,
  products: ReadonlyMap<string, Product>,
  runtime: { clock: { now(): Date }; jobs: { runDue(): Promise<number> } },
): Promise<{ competitions: number }> {
  const now = runtime.clock.now();
  await services.competitions.create({
    title: 'Opening week: new customers · 开业周拉新赛',
    description: 'Who brings the most new customers in the first week? 开业第一周，谁带来的新客户最多？',
    metric: 'new_customers',
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + days(7)).toISOString(),
    prizes: [
      { fromRank: 1, toRank: 1, kind: 'commission_bonus', amount: 5000 },
      { fromRank: 2, toRank: 2, kind: 'points', points: 300 },
      { fromRank: 3, toRank: 3, kind: 'points', points: 100 },
    ],
  });
  await services.competitions.create({
    title: 'New customers sprint · 拉新冲刺赛',
    description:
      'Bring friends whose first order comes through your links or store. 邀请好友通过您的链接或店铺完成首单。',
    metric: 'new_customers',
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + days(24)).toISOString(),
    prizes: [
      { fromRank: 1, toRank: 1, kind: 'commission_bonus', amount: 10_000 },
      { fromRank: 2, toRank: 3, kind: 'points', points: 500 },
      { fromRank: 4, toRank: 10, kind: 'points', points: 100 },
    ],
  });
  const [product] = [...products.values()];
  if (!product || !services.sandbox) return { competitions: 2 };
  for (const rival of rivals) {
    const promoter = await account(services, `${rival.key}@fission.demo`, rival.name);
    await services.stores
      .createStore(promoter.id, { slug: rival.slug, name: `${rival.name}’s picks` })
      .catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      });
    for (const [i, name] of rival.customers.entries()) {
      const customer = await account(
        services,
        `${rival.key}-friend${i + 1}@fission.demo`,
        name,
        promoter.inviteCode,
      );
      await firstOrder(services, customer, rival.slug, product);
    }
  }
  // The scores, invitation rewards and notifications of these orders, on this day of the story.
  await runtime.jobs.runDue();
  return { competitions: 2 };
}
