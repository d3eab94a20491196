import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import type { PublicUser } from '../modules/accounts/service.js';
import type { AfterSale } from '../modules/aftersales/service.js';
import type { Product } from '../modules/catalog/service.js';
import type { CouponTemplate } from '../modules/coupons/present.js';
import type { PublicCampaign } from '../modules/groupbuy/service.js';
import type { Order } from '../modules/orders/present.js';
import type { StorePage } from '../modules/stores/service.js';
import { projectPath } from '../platform/paths.js';
import { demoAddresses } from './addresses.js';
import { demoBargain } from './bargains.js';
import { DEMO_CATEGORIES, type DemoCategory, demoCatalog, demoCategoryDetails } from './catalog.js';
import { demoCommunity, demoCommunityGroupBuy, demoLeader, demoLeaderRateBps } from './communities.js';
import { demoContentOrders } from './content-orders.js';
import { demoPayoutDetails, demoStockAdjustment } from './earnings.js';
import { demoFlashSales } from './flash-sales.js';
import { demoGifts } from './gifts.js';
import { demoImport } from './imports.js';
import { demoLiveRooms } from './live.js';
import { demoOrders } from './orders.js';
import { demoAdmin, demoPeople } from './people.js';
import { demoExpiringPoints } from './points.js';
import { DEMO_MALL_POINTS, demoMallItems } from './points-mall.js';
import { seedDemoShop } from './seed.js';
import { DEMO_INVITATION_POINTS, demoCoupons, demoGroupBuys, demoStore } from './social.js';
import { demoTasks } from './tasks.js';

let t: TestApp;
let products: Product[];
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoShop(t.services, t.db, t);
  products = (await t.request('GET', '/api/products?limit=100')).json<{ items: Product[] }>().items;
  // A fortnight of trading and 37 pictures resized: slow on a busy machine.
}, 120_000);
afterAll(() => t.close());

const DAY = 86_400_000;
const signIn = (email: string, password: string) =>
  t.request('POST', '/api/auth/login', { body: { email, password } });
const signInAs = async (key: string) => {
  const person = demoPeople.find((p) => p.key === key) as (typeof demoPeople)[number];
  return (await signIn(person.email, person.password)).json<{ token: string }>();
};
const adminToken = async () =>
  (await signIn(demoAdmin.email, demoAdmin.password)).json<{ token: string }>().token;
const getStore = async () => (await t.request('GET', `/api/stores/${demoStore.slug}`)).json<StorePage>();
const getGroupBuys = async () =>
  (await t.request('GET', '/api/group-buys?limit=100')).json<{ items: PublicCampaign[] }>().items;
const getCoupons = async () =>
  (await t.request('GET', '/api/coupons?limit=100')).json<{ items: CouponTemplate[] }>().items;

describe('demo shop', () => {
  it('has a community leader whose community has members, a collected order and a paid one awaiting collection', async () => {
    const leader = (await signIn(demoLeader.email, demoLeader.password)).json<{ token: string }>().token;
    const led = (await t.request('GET', '/api/me/led-communities', { token: leader })).json<{
      items: { id: string; name: string; membersCount: number; pickupPoint: { name: string } }[];
    }>().items;
    expect(led).toEqual([
      expect.objectContaining({ name: demoCommunity.name, membersCount: 2, pickupPoint: expect.anything() }),
    ]);
    const communityId = led[0]!.id;
    const waiting = (
      await t.request('GET', `/api/communities/${communityId}/pickups`, { token: leader })
    ).json<{ items: { orderId: string; buyer: { name: string } }[] }>().items;
    expect(waiting.map((w) => w.buyer.name)).toEqual(['Wang Fang']);
    const collected = (
      await t.request('GET', `/api/communities/${communityId}/pickups?status=collected`, { token: leader })
    ).json<{ items: { buyer: { name: string } }[] }>().items;
    expect(collected.map((c) => c.buyer.name)).toEqual(['Chen Jie']);
    const buyer2 = await signInAs('buyer2');
    const order = (
      await t.request('GET', `/api/orders/${waiting[0]!.orderId}`, { token: buyer2.token })
    ).json<Order>();
    expect(order).toMatchObject({
      status: 'paid',
      shippingFee: 0,
      pickup: { status: 'awaiting_collection' },
    });
    expect(order.pickupCode).toMatch(/^\d{8}$/);
    const mine = (await t.request('GET', '/api/me/community', { token: buyer2.token })).json<{
      community: { id: string } | null;
    }>();
    expect(mine.community?.id).toBe(communityId);
    // Its own group buy is on the community page, with the group a neighbour opened.
    const deals = (await t.request('GET', `/api/group-buys?communityId=${communityId}`)).json<{
      items: { communityId: string; groupSize: number; openGroups: { seatsLeft: number }[] }[];
    }>().items;
    expect(deals).toEqual([
      expect.objectContaining({
        communityId,
        groupSize: demoCommunityGroupBuy.groupSize,
        openGroups: [expect.objectContaining({ seatsLeft: demoCommunityGroupBuy.groupSize - 1 })],
      }),
    ]);
    // The leader earns the shop's leader rate on both pickup orders.
    const earned = (await t.request('GET', '/api/me/commissions', { token: leader })).json<{
      items: { orderId: string; role: string; amount: number }[];
    }>().items;
    expect(earned.filter((c) => c.role === 'leader').map((c) => c.orderId)).toContain(order.id);
    expect(earned.find((c) => c.orderId === order.id)?.amount).toBe(
      Math.floor((order.total * demoLeaderRateBps) / 10_000),
    );
  });

  it('has a flash sale on now with a unit taken, and one opening soon', async () => {
    const { items } = (await t.request('GET', '/api/flash-sales')).json<{
      items: { status: string; remaining: number; quantity: number; product: { title: string } }[];
    }>();
    expect(items.map((s) => s.status)).toEqual(['live', 'upcoming']);
    expect(items[0]).toMatchObject({ remaining: demoFlashSales[0].quantity - 1 });
    expect(items.every((s) => s.product.title !== '')).toBe(true);
  });

  it('has a bargain campaign on, and Zhao Lei’s bargain on it cut once by each of two other buyers', async () => {
    const campaigns = (await t.request('GET', '/api/bargain-campaigns')).json<{
      items: { id: string; floorPrice: number; regularPrice: number | null }[];
    }>().items;
    expect(campaigns).toEqual([
      expect.objectContaining({ floorPrice: (campaigns[0]?.regularPrice ?? 0) - demoBargain.discount }),
    ]);
    const { token } = await signInAs(demoBargain.starter);
    const mine = (await t.request('GET', '/api/me/bargains', { token })).json<{
      items: {
        campaignId: string;
        status: string;
        price: number;
        startPrice: number;
        floorPrice: number;
        helps: { user: { name: string }; cut: number }[];
      }[];
    }>().items;
    expect(mine).toHaveLength(1);
    const [bargain] = mine;
    expect(bargain).toMatchObject({ campaignId: campaigns[0]?.id, status: 'open' });
    expect(bargain?.helps.map((h) => h.user.name)).toEqual(['Chen J.', 'Wang F.']);
    const cut = bargain?.helps.reduce((sum, h) => sum + h.cut, 0);
    expect(bargain?.price).toBe((bargain?.startPrice ?? 0) - (cut ?? 0));
    expect(bargain?.price).toBeGreaterThan(bargain?.floorPrice ?? 0);
  });

  it('has a gift Zhao Lei sent Chen Jie, claimed, and one of his still waiting for a friend', async () => {
    type Mine = {
      items: { orderId: string; status: string; message: string | null; claimUrl: string | null }[];
    };
    const chen = (await signInAs(demoGifts.claimed.to)).token;
    const zhao = (await signInAs(demoGifts.claimed.from)).token;
    const received = (await t.request('GET', '/api/me/gifts?box=received', { token: chen })).json<Mine>();
    expect(received.items).toEqual([
      expect.objectContaining({ status: 'claimed', message: demoGifts.claimed.message }),
    ]);
    const claimedId = received.items[0]?.orderId as string;
    const toHim = (await t.request('GET', `/api/orders/${claimedId}`, { token: chen })).json<Order>();
    expect(toHim.address).toMatchObject({ line1: demoAddresses[0].line1 });
    const fromHim = (await t.request('GET', `/api/orders/${claimedId}`, { token: zhao })).json<Order>();
    expect(fromHim).toMatchObject({ status: 'paid', address: null, gift: { status: 'claimed' } });
    const sent = (await t.request('GET', '/api/me/gifts?box=sent', { token: chen })).json<Mine>();
    expect(sent.items).toEqual([
      expect.objectContaining({
        status: 'unclaimed',
        claimUrl: expect.stringMatching(/\/gifts\/[\w-]{22,}$/),
      }),
    ]);
  });

  it('lists 30+ products across at least five categories', async () => {
    expect(products.length).toBeGreaterThanOrEqual(30);
    const categories = (await t.request('GET', '/api/categories')).json<{ items: { slug: string }[] }>();
    expect(categories.items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(products.map((p) => p.category)).size).toBe(categories.items.length);
  });

  it('names every category in English and Chinese, with an icon, in the order of DEMO_CATEGORIES', async () => {
    const { items } = (await t.request('GET', '/api/categories')).json<{
      items: { slug: string; names: { en: string; 'zh-CN': string }; icon: string }[];
    }>();
    expect(items.map((c) => c.slug)).toEqual([...DEMO_CATEGORIES]);
    for (const category of items) {
      expect(category).toMatchObject(demoCategoryDetails[category.slug as DemoCategory]);
      expect(category.names['zh-CN']).toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives every product a description and 1-3 sellable variants with unique SKUs', () => {
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    for (const product of products) {
      expect(product.description.length).toBeGreaterThan(40);
      expect(product.variants.length).toBeGreaterThanOrEqual(1);
      expect(product.variants.length).toBeLessThanOrEqual(3);
      for (const variant of product.variants) {
        expect(Number.isInteger(variant.price) && variant.price > 0).toBe(true);
        expect(Number.isInteger(variant.stock) && variant.stock >= 0).toBe(true);
      }
    }
    expect(products.filter((p) => p.inStock).length).toBeGreaterThanOrEqual(30);
  });

  it('gives every product an uploaded picture (drawn from web/public/demo), served as WebP', async () => {
    const images = products.flatMap((p) => p.images);
    expect(images.length).toBeGreaterThanOrEqual(products.length);
    for (const image of images) expect(image).toMatch(/^\/uploads\/[0-9a-f]{32}-640\.webp$/);
    expect(new Set(images).size).toBe(images.length);
    const served = await t.app.inject({ method: 'GET', url: images[0] as string });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    for (const product of demoCatalog)
      expect(existsSync(projectPath('web', 'public', 'demo', `${product.slug}.svg`)), product.slug).toBe(
        true,
      );
  });

  it('opens the storefront on a mix of categories', () => {
    expect(new Set(products.slice(0, 6).map((p) => p.category)).size).toBe(6);
  });

  it('lets every demo person sign in, with the shopkeeper role and the invitation chain', async () => {
    const users = new Map<string, PublicUser>();
    for (const person of demoPeople) {
      const res = await signIn(person.email, person.password);
      expect(res.statusCode, person.email).toBe(200);
      users.set(person.key, res.json<{ user: PublicUser }>().user);
    }
    expect(users.get('shopkeeper')?.roles).toContain('shopkeeper');
    expect(users.get('buyer1')?.invitedBy).toBe(users.get('shopkeeper')?.id);
    expect(users.get('buyer2')?.invitedBy).toBe(users.get('buyer1')?.id);
    const admin = await signIn(demoAdmin.email, demoAdmin.password);
    expect(admin.json<{ user: PublicUser }>().user.roles).toContain('admin');
    expect(users.get('support')?.roles).toEqual(['operator']);
  });

  it('lets the support staff find customers and handle orders, but not change settings', async () => {
    const support = demoPeople.find((p) => p.key === 'support')!;
    const { token } = (await signIn(support.email, support.password)).json<{ token: string }>();
    const found = await t.request('GET', '/api/admin/users?q=zhao', { token });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<{ items: { name: string }[] }>().items.map((p) => p.name)).toEqual(['Zhao Lei']);
    expect((await t.request('GET', '/api/admin/orders?status=paid', { token })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/admin/distribution/settings', { token })).statusCode).toBe(403);
  });

  it("opens the shopkeeper's store with eight listed products and an uploaded logo", async () => {
    const store = await getStore();
    expect(store.owner.name).toBe('Lin Xiaomei');
    expect(store.intro?.length).toBeGreaterThan(40);
    expect(store.logo).toMatch(/^\/uploads\/[0-9a-f]{32}-640\.webp$/);
    expect(store.products.length).toBe(8);
    expect(new Set(store.products.map((p) => p.id)).size).toBe(8);
  });

  it('runs two group buys below the regular price, for groups of two and three', async () => {
    const campaigns = await getGroupBuys();
    expect(campaigns.map((c) => c.groupSize).sort()).toEqual([2, 3]);
    const listed = new Set((await getStore()).products.map((p) => p.id));
    for (const campaign of campaigns) {
      expect(campaign.running).toBe(true);
      expect(campaign.price).toBeLessThan(campaign.regularPrice ?? 0);
      expect(campaign.durationMinutes).toBeGreaterThanOrEqual(24 * 60);
      expect(listed.has(campaign.productId)).toBe(true);
      // What the product page asks for to offer "Start a group".
      const onPage = await t.request('GET', `/api/group-buys?productId=${campaign.productId}`);
      expect(onPage.json<{ items: PublicCampaign[] }>().items.map((c) => c.id)).toEqual([campaign.id]);
    }
  });

  it('offers amount-off, capped percent-off and share-to-unlock coupons in the coupon centre', async () => {
    const coupons = await getCoupons();
    expect(coupons.map((c) => c.title)).toEqual(demoCoupons.map((c) => c.title));
    const amountOff = coupons.find((c) => c.kind === 'amount_off' && c.shareToUnlock === null);
    expect(amountOff?.minSpend).toBeGreaterThan(amountOff?.amountOff ?? 0);
    const percentOff = coupons.find((c) => c.kind === 'percent_off');
    expect(percentOff?.maxDiscount).toBeGreaterThan(0);
    expect(coupons.filter((c) => c.shareToUnlock !== null)).toHaveLength(1);
    expect(coupons.every((c) => c.validDays === 30 && c.endsAt === null)).toBe(true);
  });

  it('names no amounts in coupon titles: the card formats them like every price', () => {
    for (const coupon of demoCoupons)
      expect(`${coupon.title} ${coupon.description}`).not.toMatch(/[¥￥$]|\d/);
  });

  it('gives Chen Jie two saved Chinese addresses, home the default, and a share coupon half unlocked', async () => {
    const { token } = await signInAs('buyer1');
    const book = (await t.request('GET', '/api/me/addresses', { token })).json<{
      items: { isDefault: boolean; province: string; city: string; district: string; line1: string }[];
    }>();
    expect(book.items).toHaveLength(demoAddresses.length);
    expect(book.items.filter((a) => a.isDefault)).toEqual([expect.objectContaining(demoAddresses[0])]);
    for (const address of book.items) expect(address.province).toMatch(/省$/);
    const share = (await getCoupons()).find((c) => c.shareToUnlock !== null) as CouponTemplate;
    const progress = await t.request('GET', `/api/coupons/${share.id}/progress`, { token });
    expect(progress.json()).toEqual({ required: share.shareToUnlock, reached: 1 });
    const claim = await t.request('POST', `/api/coupons/${share.id}/claim`, { token });
    expect(claim.statusCode).toBe(422);
  });

  it('charges ¥8 shipping under ¥99 (¥20 to Xinjiang), free above it or on a Gold level', async () => {
    const cheap = products.find((p) => (p.variants[0]?.price ?? 0) < 9900 && p.variants[0]?.stock) as Product;
    const items = `${cheap.variants[0]?.id}:1`;
    const quote = async (key: string, province = '浙江省') =>
      (
        await t.request(
          'GET',
          `/api/me/shipping-quote?items=${items}&province=${encodeURIComponent(province)}`,
          {
            token: (await signInAs(key)).token,
          },
        )
      ).json<{ fee: number; waiver: string | null }>();
    // Wang Fang is Silver: she pays; Chen Jie's Gold level ships free.
    expect(await quote('buyer2')).toMatchObject({ fee: 800, waiver: null });
    expect(await quote('buyer2', '新疆维吾尔自治区')).toMatchObject({ fee: 2000 });
    expect(await quote('buyer1')).toMatchObject({ fee: 0, waiver: 'member' });
    const many = `${cheap.variants[0]?.id}:${Math.ceil(9900 / (cheap.variants[0]?.price ?? 1))}`;
    const free = await t.request('GET', `/api/me/shipping-quote?items=${many}`, {
      token: (await signInAs('buyer2')).token,
    });
    expect(free.json()).toMatchObject({ fee: 0, waiver: null });
  });

  it('gives Chen Jie tasks part-way: two of three products shared this week, his first order rewarded', async () => {
    const { token } = await signInAs('buyer1');
    const res = await t.request('GET', '/api/me/tasks', { token });
    const items = res.json<{ items: { title: string; progress: number; target: number; status: string }[] }>()
      .items;
    expect(items.map((i) => i.title)).toEqual(demoTasks.map((d) => d.title));
    const byTitle = new Map(items.map((i) => [i.title, i]));
    expect(byTitle.get('Share 3 products')).toMatchObject({ progress: 2, target: 3, status: 'in_progress' });
    expect(byTitle.get('Pay your first order')).toMatchObject({ status: 'completed' });
    expect(byTitle.get('Invite a friend who buys')).toMatchObject({ status: 'completed' });
    expect(byTitle.get('Daily check-in')).toMatchObject({ progress: 0, status: 'in_progress' });
  });

  it('rewards an inviter with points', async () => {
    const reward = await t.request('GET', '/api/invitation-rewards');
    expect(reward.json()).toMatchObject({ kind: 'points', points: DEMO_INVITATION_POINTS });
  });

  it('gives each demo buyer points from their paid orders, and older points expiring within a month', async () => {
    for (const key of ['buyer1', 'buyer2', 'buyer3'] as const) {
      const { token } = await signInAs(key);
      const mine = (await t.request('GET', '/api/me/points', { token })).json<{
        balance: number;
        expiring: { points: number; expiresAt: string }[];
        items: { reason: string; delta: number }[];
      }>();
      expect(mine.items.some((i) => i.reason === 'order' && i.delta > 0)).toBe(true);
      expect(mine.balance).toBeGreaterThan(demoExpiringPoints[key].points);
      const soonest = mine.expiring[0]!;
      // A refund's take-back draws from the soonest-expiring lot too (Zhao Lei's refunded box).
      expect(soonest.points).toBeGreaterThan(0);
      expect(soonest.points).toBeLessThanOrEqual(demoExpiringPoints[key].points);
      expect(Date.parse(soonest.expiresAt) - t.clock.now().getTime()).toBeLessThan(31 * DAY);
      expect(Date.parse(soonest.expiresAt) - t.clock.now().getTime()).toBeGreaterThan(0);
    }
  });

  it('gives back the points of Zhao Lei’s refunded box into the lot about to expire they came from', async () => {
    const { token } = await signInAs('buyer3');
    const mine = (await t.request('GET', '/api/me/points?limit=100', { token })).json<{
      expiring: { points: number; expiresAt: string }[];
      items: { delta: number; reason: string; expiresAt: string | null }[];
    }>();
    const spent = mine.items.find((i) => i.reason === 'checkout');
    const back = mine.items.find((i) => i.reason === 'checkout_return');
    expect(spent?.delta).toBe(-200);
    expect(back?.delta).toBe(100);
    expect(back?.expiresAt).toBe(mine.expiring[0]?.expiresAt);
    expect(mine.expiring[0]?.points).toBe(demoExpiringPoints.buyer3.points - 100);
  });

  it('shows fulfilment at every step: an order to ship, one shipped, one delivered', async () => {
    const { token } = await signInAs('buyer3');
    // His store orders; the one through a post is under "demo orders through content", and his
    // flash-sale order under the flash sales.
    const mine = (await t.request('GET', '/api/me/orders', { token }))
      .json<{ items: Order[] }>()
      .items.filter((o) => !o.source && o.storeSlug === demoStore.slug);
    const expected = demoOrders.filter((o) => o.buyer === 'buyer3');
    expect(mine.map((o) => o.status).sort()).toEqual(expected.map((o) => o.step).sort());
    for (const order of mine) expect(order.shipment === null).toBe(order.status === 'paid');
    const completed = mine.filter((o) => o.status === 'completed');
    expect(completed.map((o) => o.timeline.at(-1)?.note)).toEqual(
      completed.map(() => 'confirmed by the buyer'),
    );
    // The story happened over the past fortnight, not all at once.
    const placed = mine.map((o) => Date.parse(o.createdAt));
    expect(Math.max(...placed) - Math.min(...placed)).toBeGreaterThan(10 * DAY);
  });

  it('gives Zhao Lei a return waiting for the operator and one box of two refunded', async () => {
    const { token } = await signInAs('buyer3');
    const mine = (await t.request('GET', '/api/me/after-sales', { token })).json<{ items: AfterSale[] }>()
      .items;
    expect(mine.map((a) => `${a.type}:${a.status}`).sort()).toEqual(['refund:refunded', 'return:requested']);
    const orders = (await t.request('GET', '/api/me/orders', { token })).json<{ items: Order[] }>().items;
    const refunded = mine.find((a) => a.type === 'refund') as AfterSale;
    const partly = orders.find((o) => o.id === refunded.orderId);
    expect(partly).toMatchObject({ status: 'paid', refundedAmount: refunded.amount });
    expect(refunded.amount).toBeLessThan(partly?.total ?? 0);
    const returned = mine.find((a) => a.type === 'return') as AfterSale;
    expect(orders.find((o) => o.id === returned.orderId)?.status).toBe('completed');
    const admin = await adminToken();
    const queue = await t.request('GET', '/api/admin/after-sales?status=requested', { token: admin });
    expect(queue.json<{ items: AfterSale[] }>().items.map((a) => a.id)).toEqual([returned.id]);
  });

  it('gives Lin Xiaomei commissions settled, pending and held, Alipay details and a withdrawal waiting', async () => {
    const { token } = await signInAs('shopkeeper');
    const commissions = (await t.request('GET', '/api/me/commissions?limit=50', { token })).json<{
      items: { status: string; held: boolean; amount: number }[];
    }>().items;
    expect(commissions.some((c) => c.status === 'settled')).toBe(true);
    expect(commissions.some((c) => c.status === 'pending' && !c.held)).toBe(true);
    expect(commissions.some((c) => c.held)).toBe(true);
    const wallet = (await t.request('GET', '/api/me/wallet', { token })).json<Record<string, number>>();
    expect(wallet.available).toBeGreaterThan(0);
    expect(wallet.pending).toBeGreaterThan(0);
    expect(wallet.held).toBeGreaterThan(0);
    const details = (await t.request('GET', '/api/me/payout-details', { token })).json();
    expect(details).toMatchObject({ details: { method: demoPayoutDetails.method } });
    const mine = (await t.request('GET', '/api/me/withdrawals', { token })).json<{
      items: { id: string; status: string; amount: number }[];
    }>().items;
    expect(mine).toEqual([expect.objectContaining({ status: 'requested' })]);
    const admin = await adminToken();
    const waiting = await t.request('GET', '/api/admin/withdrawals?status=requested', { token: admin });
    expect(waiting.json<{ items: { id: string }[] }>().items.map((w) => w.id)).toEqual([mine[0]?.id]);
  });

  it('has notified each demo person of their story, with links into the web app', async () => {
    const expected: Record<string, string[]> = {
      shopkeeper: ['commission.earned', 'commission.settled', 'badge.granted'],
      buyer1: ['order.paid', 'order.shipped'],
      buyer2: ['order.paid'],
      buyer3: ['order.paid', 'order.shipped', 'after_sale.decided'],
    };
    for (const [key, types] of Object.entries(expected)) {
      const { token } = await signInAs(key);
      const res = await t.request('GET', '/api/me/notifications?limit=50', { token });
      const items = res.json<{ items: { type: string; link: string; title: string }[] }>().items;
      for (const type of types)
        expect(
          items.map((n) => n.type),
          key,
        ).toContain(type);
      for (const n of items) expect(n.link, `${key} ${n.type}`).toMatch(/^\/[a-z]/);
      // Wang Fang reads Chinese: what she is told is written in it.
      if (key === 'buyer2') expect(items.every((n) => /\p{Script=Han}/u.test(n.title))).toBe(true);
    }
  });

  it('shows the shopkeeper’s badges on her store page: sales, customers, a streak, lessons and a prize', async () => {
    const store = await getStore();
    const res = await t.request('GET', `/api/users/${store.owner.id}/badges`);
    expect(res.json<{ items: { badge: string; tier: string }[] }>().items).toEqual([
      { badge: 'first_sale', tier: 'bronze' },
      { badge: 'customers', tier: 'bronze' },
      { badge: 'check_in_streak', tier: 'bronze' },
      { badge: 'lessons', tier: 'bronze' },
      { badge: 'competition', tier: 'bronze' },
    ]);
  });

  it("shows a delivery booked in, with its reason, in a product's movement log", async () => {
    const variant = products.flatMap((p) => p.variants).find((v) => v.sku === demoStockAdjustment.sku);
    const admin = await adminToken();
    const res = await t.request('GET', `/api/admin/variants/${variant?.id}/stock-movements`, {
      token: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const moves = res.json<{ items: { kind: string; delta: number; reason: string }[] }>().items;
    expect(moves).toContainEqual(
      expect.objectContaining({
        kind: 'adjustment',
        delta: demoStockAdjustment.delta,
        reason: demoStockAdjustment.reason,
      }),
    );
  });

  it('shows a finished restock import, its stock moves and its entries in the audit log', async () => {
    const admin = await adminToken();
    const imports = (await t.request('GET', '/api/admin/product-imports', { token: admin })).json<{
      items: {
        id: string;
        fileName: string;
        status: string;
        updated: number;
        doneRows: number;
        totalRows: number;
      }[];
    }>().items;
    expect(imports).toEqual([
      expect.objectContaining({
        fileName: demoImport.fileName,
        status: 'done',
        updated: 1,
        doneRows: 2,
        totalRows: 2,
      }),
    ]);
    const title = demoCatalog.find((d) => d.slug === demoImport.slug)?.title;
    const product = products.find((p) => p.title === title) as Product;
    for (const variant of product.variants) {
      const res = await t.request('GET', `/api/admin/variants/${variant.id}/stock-movements`, {
        token: admin,
      });
      expect(res.json<{ items: { delta: number; reason: string }[] }>().items[0]).toMatchObject({
        delta: demoImport.added,
        reason: 'catalog import',
      });
    }
    const log = await t.request('GET', `/api/admin/audit?targetType=product&targetId=${product.id}`, {
      token: admin,
    });
    expect(log.json<{ items: { action: string }[] }>().items.map((e) => e.action)).toContain(
      'product.import.update',
    );
  });

  it('runs a new-customers competition with a leaderboard of demo people, and one ended with prizes paid', async () => {
    const { token } = await signInAs('shopkeeper');
    const list = await t.request('GET', '/api/competitions', { token });
    const items = list.json<{ items: { id: string; phase: string; metric: string }[] }>().items;
    const running = items.find((c) => c.phase === 'running' && c.metric === 'new_customers');
    const ended = items.find((c) => c.phase === 'ended');
    const board = (await t.request('GET', `/api/competitions/${running?.id}`, { token })).json<{
      leaderboard: { name: string; isMe: boolean }[];
      me: { rank: number | null } | null;
    }>();
    expect(board.leaderboard.length).toBeGreaterThanOrEqual(4);
    expect(board.leaderboard[0]?.name).toBe('Liu Y.');
    expect(board.leaderboard.find((e) => e.isMe)?.name).toBe('Lin Xiaomei');
    expect(board.me?.rank).toEqual(expect.any(Number));
    const finished = (await t.request('GET', `/api/competitions/${ended?.id}`)).json<{
      awardedAt: string | null;
    }>();
    expect(finished.awardedAt).not.toBeNull();
  });

  it('fills the points mall with a coupon, a product and a perk that every demo buyer can afford', async () => {
    const { token } = await signInAs('buyer3');
    const mall = (await t.request('GET', '/api/points-mall', { token })).json<{
      items: { kind: string; title: string; costPoints: number; availability: string }[];
    }>().items;
    expect(mall.map((i) => i.kind)).toEqual(['coupon', 'product', 'perk']);
    expect(mall.map((i) => i.title)).toEqual([
      demoMallItems.coupon.title,
      demoMallItems.product.title,
      demoMallItems.perk.title,
    ]);
    expect(mall.every((i) => i.availability === 'available' && i.costPoints <= DEMO_MALL_POINTS)).toBe(true);
    const buyer1 = await signInAs('buyer1');
    const mine = await t.request('GET', '/api/me/points-mall/redemptions', { token: buyer1.token });
    expect(mine.json<{ items: { kind: string }[] }>().items.map((r) => r.kind)).toEqual(['coupon']);
    const pending = await t.request('GET', '/api/admin/points-mall/redemptions?status=pending', {
      token: await adminToken(),
    });
    expect(pending.json<{ items: { kind: string }[] }>().items.map((r) => r.kind)).toEqual(['perk']);
  });

  it('shows the shopkeeper’s team structure and a trust value the refunds moved', async () => {
    const token = await adminToken();
    const shopkeeper = demoPeople.find((p) => p.key === 'shopkeeper') as (typeof demoPeople)[number];
    const found = await t.services.accounts.idsMatching(t.db, shopkeeper.email);
    const id = found[0] as string;
    const team = await t.request('GET', `/api/admin/structure/teams/${id}`, { token });
    expect(team.statusCode).toBe(200);
    const structure = team.json<{ metrics: { size: number; shape: string }; links: { kind: string }[] }>();
    // Buyers she invited, who also bought in her store: invitation and binding links both.
    expect(structure.metrics.size).toBeGreaterThanOrEqual(3);
    expect(new Set(structure.links.map((l) => l.kind))).toEqual(new Set(['invited', 'bound']));
    const trust = await t.request('GET', `/api/admin/trust/${id}`, { token });
    const refunds = trust
      .json<{ parts: { key: string; hasData: boolean; count: number }[] }>()
      .parts.find((p) => p.key === 'refunds');
    expect(refunds).toMatchObject({ hasData: true });
    expect(refunds?.count).toBeGreaterThan(0);
  });

  it('shows verified reviews with photos, written by the buyers of real paid orders', async () => {
    const reviewed = demoOrders.filter((o) => o.review);
    expect(reviewed.length).toBeGreaterThanOrEqual(3);
    const longjing = products.find((p) => p.variants.some((v) => v.sku === 'TEA-LJ-100')) as Product;
    const page = (await t.request('GET', `/api/products/${longjing.id}/reviews`)).json<{
      items: { rating: number; images: string[]; verifiedPurchase: boolean; author: { name: string } }[];
      summary: { count: number; average: number };
    }>();
    expect(page.summary).toMatchObject({ count: 1, average: 5 });
    expect(page.items[0]).toMatchObject({ verifiedPurchase: true, author: { name: 'Zhao L.' } });
    expect(page.items[0]?.images[0]).toMatch(/^\/uploads\//);
    // Each review is of its author's own paid order (nothing written on anyone's behalf).
    const rows = await t.db.query<{ order_id: string; user_id: string; status: string; buyer: string }>(
      `SELECT r.order_id, r.user_id, o.status, o.user_id AS buyer FROM reviews r JOIN orders o ON o.id = r.order_id`,
    );
    expect(rows).toHaveLength(reviewed.length);
    for (const row of rows) {
      expect(row.user_id).toBe(row.buyer);
      expect(['paid', 'shipped', 'completed']).toContain(row.status);
    }
  });

  it('does nothing the second time', async () => {
    const before = { store: await getStore(), groupBuys: await getGroupBuys(), coupons: await getCoupons() };
    expect(await seedDemoShop(t.services, t.db, t)).toBeNull();
    const again = (await t.request('GET', '/api/products?limit=100')).json<{ items: Product[] }>();
    expect(again.items.length).toBe(products.length);
    expect({ store: await getStore(), groupBuys: await getGroupBuys(), coupons: await getCoupons() }).toEqual(
      before,
    );
    expect(before.groupBuys).toHaveLength(demoGroupBuys.length);
  });
});

describe('demo live rooms', () => {
  type Room = {
    id: string;
    title: string;
    currentPin: { product: { title: string; price: number } | null } | null;
    pins: { atMs: number; untilMs: number | null; product: { id: string } | null }[];
  };
  const list = async (status: string) =>
    (await t.request('GET', `/api/live-rooms?status=${status}`)).json<{ items: Room[] }>().items;
  const chat = async (id: string) =>
    (await t.request('GET', `/api/live-rooms/${id}/messages`)).json<{ items: { body: string }[] }>().items;

  it('has one room live now with a pinned product and viewers chatting', async () => {
    const [room] = await list('live');
    expect(room?.title).toBe(demoLiveRooms.live.title);
    expect(room?.currentPin?.product?.price).toBeGreaterThan(0);
    expect(room?.pins).toHaveLength(1);
    expect((await chat(room?.id ?? '')).map((m) => m.body)).toEqual(demoLiveRooms.live.chat);
  });

  it('has a replay whose pins show minutes apart, and one session coming up', async () => {
    const [replay] = await list('replays');
    expect(replay?.title).toBe(demoLiveRooms.replay.title);
    expect(replay?.pins).toHaveLength(2);
    const [first, second] = replay?.pins ?? [];
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(9 * 60_000);
    expect(first!.untilMs).toBe(second!.atMs);
    expect(await chat(replay?.id ?? '')).toHaveLength(demoLiveRooms.replay.chat.length);
    expect((await list('upcoming')).map((r) => r.title)).toContain(demoLiveRooms.upcoming.title);
  });
});

describe('demo orders through content', () => {
  type Commission = { orderId: string; level: number; role: string; amount: number };
  const paidThrough = async (key: string, type: 'post' | 'live') => {
    const { token } = await signInAs(key);
    const orders = (await t.request('GET', '/api/me/orders', { token })).json<{ items: Order[] }>().items;
    const found = orders.filter((o) => o.source?.type === type);
    expect(found).toHaveLength(1);
    return found[0] as Order;
  };
  const shopkeeperCommissionOn = async (orderId: string) => {
    const { token } = await signInAs('shopkeeper');
    const items = (await t.request('GET', '/api/me/commissions?limit=100', { token })).json<{
      items: Commission[];
    }>().items;
    return items.filter((c) => c.orderId === orderId);
  };
  const slugOf = (order: Order) => {
    const product = products.find((p) => p.variants.some((v) => v.id === order.items[0]?.variantId));
    return demoCatalog.find((p) => p.title === product?.title)?.slug;
  };

  it('gives Lin Xiaomei a commission on Zhao Lei’s order through her post, and the post a sale in its stats', async () => {
    const order = await paidThrough(demoContentOrders.post.buyer, 'post');
    expect(order.status).toBe('paid');
    expect(slugOf(order)).toBe(demoContentOrders.post.slug);
    expect(await shopkeeperCommissionOn(order.id)).toEqual([
      expect.objectContaining({ level: 1, role: 'sharer', amount: expect.any(Number) }),
    ]);
    const { token } = await signInAs('shopkeeper');
    const post = (await t.request('GET', `/api/posts/${order.source?.id}`)).json<{
      author: { name: string };
    }>();
    expect(post.author.name).toBe('Lin Xiaomei');
    const stats = await t.request('GET', `/api/posts/${order.source?.id}/stats`, { token });
    expect(stats.json()).toMatchObject({ orders: 1, gmv: order.subtotal - order.discount });
  });

  it('gives the host a commission on Chen Jie’s order from the live room, counted in the room’s stats', async () => {
    const order = await paidThrough(demoContentOrders.live.buyer, 'live');
    expect(slugOf(order)).toBe(demoContentOrders.live.slug);
    expect(await shopkeeperCommissionOn(order.id)).toHaveLength(1);
    const [room] = (await t.request('GET', '/api/live-rooms?status=live')).json<{ items: { id: string }[] }>()
      .items;
    expect(order.source?.id).toBe(room?.id);
    const { token } = await signInAs('shopkeeper');
    const stats = await t.request('GET', `/api/live-rooms/${room?.id}/stats`, { token });
    expect(stats.json()).toMatchObject({ orders: 1, gmv: order.subtotal - order.discount });
  });
});

describe('demo shop with an operator-configured administrator', () => {
  it('creates no demo administrator when one already exists', async () => {
    const app = await createTestApp();
    try {
      await app.services.accounts.ensureAdmin('operator@example.com', 'operator-password');
      const summary = await seedDemoShop(app.services, app.db, app);
      expect(summary?.accounts).not.toContain(demoAdmin.email);
      const res = await app.request('POST', '/api/auth/login', { body: demoAdmin });
      expect(res.statusCode).toBe(401);
    } finally {
      await app.close();
    }
    // A whole demo shop, its 37 pictures resized, inside the test itself.
  }, 90_000);
});
