/**
 * The demo's community (社区团购): Zhou Min leads West Lake Garden with a pickup point at its
 * gate; Chen Jie and Wang Fang are members. Chen Jie collected yesterday's order; Wang Fang's paid
 * order waits at the pickup point with its code (her order page shows it and its QR code), and it
 * is on Zhou Min's list of orders to hand out and in today's packing list. The shop pays leaders
 * 5% of each pickup order, so Zhou Min's wallet shows a leader commission on each. A group buy of
 * sun-dried mango is for West Lake Garden's neighbours only: Chen Jie opened a group of three, and
 * Wang Fang finds it on the community page with two seats left.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import { payDemoOrder } from './orders.js';
import type { DemoPerson } from './people.js';
import type { DemoTime } from './time.js';

type Services = BuiltApp['services'];

export const demoLeader = {
  email: 'leader@fission.demo',
  password: 'demo-leader',
  name: 'Zhou Min',
} as const;

export const demoCommunity = {
  name: 'West Lake Garden 西湖花园',
  description: 'Neighbours of West Lake Garden: order before 20:00, collect the next day at the gate.',
  pickupPoint: {
    name: 'Gate 3 convenience store 3号门便利店',
    address: '18 Nanshan Road, Shangcheng District, Hangzhou',
    openingHours: '8:00–21:00',
    location: { lat: 30.2489, lng: 120.1624 },
  },
  cutoffTime: '20:00',
} as const;

/** The community-only group buy: three neighbours, collected at the gate. */
export const demoCommunityGroupBuy = {
  product: 'sun-dried-mango',
  groupSize: 3,
  /** Off the regular price, in minor units. */
  discount: 1000,
  durationMinutes: 2 * 24 * 60,
} as const;

/** The operator's leader commission in the demo shop: 5% of each order collected at a pickup point. */
export const demoLeaderRateBps = 500;

async function pickupOrder(
  services: Services,
  buyer: PublicUser,
  communityId: string,
  variantId: string,
  quantity: number,
) {
  const placed = await services.orders.placeOrder(buyer.id, {
    items: [{ variantId, quantity }],
    pickup: { communityId },
  });
  return payDemoOrder(services, placed.body, 'a pickup');
}

export async function seedDemoCommunities(
  services: Services,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  products: ReadonlyMap<string, Product>,
  time: DemoTime,
): Promise<{ communities: number; leaderEmail: string | null }> {
  const buyer1 = people.get('buyer1');
  const buyer2 = people.get('buyer2');
  if (!services.sandbox || !buyer1 || !buyer2) return { communities: 0, leaderEmail: null };
  const { leaders, directory, pickups } = services.communities;
  time.at(3);
  await services.distribution.updateSettings({ leaderRateBps: demoLeaderRateBps });
  const leader = (await services.accounts.register({ ...demoLeader, roles: [], language: 'zh-CN' })).user;
  await leaders.becomeLeader(leader.id);
  const community = await directory.createCommunity(leader.id, demoCommunity);
  await directory.join(buyer1.id, community.id);
  await directory.join(buyer2.id, community.id);

  time.at(1.2);
  const collected = await pickupOrder(
    services,
    buyer1,
    community.id,
    variantOf(products, 'walnut-chopsticks'),
    1,
  );
  time.at(0.9);
  await pickups.verify({ id: leader.id }, community.id, await codeOf(services, buyer1, collected.id));
  time.at(0.3);
  await pickupOrder(services, buyer2, community.id, variantOf(products, 'yunnan-rose-flower-cakes'), 2);
  await openNeighbourGroup(services, buyer1, community.id, products);
  return { communities: 1, leaderEmail: leader.email };
}

/** The community's own group buy, with a group a neighbour opened and paid for. */
async function openNeighbourGroup(
  services: Services,
  opener: PublicUser,
  communityId: string,
  products: ReadonlyMap<string, Product>,
) {
  const { product, groupSize, discount, durationMinutes } = demoCommunityGroupBuy;
  const variant = products.get(product)?.variants[0];
  if (!variant) throw new Error(`The demo catalog has no ${product}`);
  const campaign = await services.groupBuys.createCampaign({
    variantId: variant.id,
    groupSize,
    price: variant.price - discount,
    durationMinutes,
    communityId,
  });
  const placed = await services.orders.placeOrder(opener.id, {
    items: [{ variantId: variant.id, quantity: 1 }],
    groupBuy: { campaignId: campaign.id },
    pickup: { communityId },
  });
  await payDemoOrder(services, placed.body, 'a community group buy');
}

function variantOf(products: ReadonlyMap<string, Product>, slug: string): string {
  const id = products.get(slug)?.variants[0]?.id;
  if (!id) throw new Error(`The demo catalog has no ${slug}`);
  return id;
}

/** The code as its buyer sees it (confirmPayment shows orders as a provider would: without it). */
async function codeOf(services: Services, buyer: PublicUser, orderId: string): Promise<string> {
  const order = await services.orders.getOrder({ ...buyer, sessionId: '' }, orderId);
  if (!order.pickupCode) throw new Error('A paid demo pickup order has no code');
  return order.pickupCode;
}
