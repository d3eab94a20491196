/**
 * The demo orders, so a newcomer sees fulfilment, after-sales and earnings at every step. They
 * happened over the demo's past fortnight (see `DemoTime` in time.ts): Zhao Lei (buyer 3) bought in
 * Xiaomei's Pantry — one order delivered and confirmed, one on its way, one waiting to ship with
 * one box of two refunded, one delivered with a return waiting for the operator — and Chen Jie and
 * Wang Fang bought through Lin Xiaomei's share links, so she has commissions settled, pending and
 * held. They are paid through the sandbox, so they exist only when it is on.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { Order } from '../modules/orders/index.js';
import type { DemoPerson } from './people.js';
import { uploadDemoPicture } from './pictures.js';
import { demoStore } from './social.js';
import type { DemoTime } from './time.js';

type Services = BuiltApp['services'];

export interface DemoOrder {
  buyer: Exclude<DemoPerson['key'], 'shopkeeper' | 'support'>;
  sku: string;
  quantity: number;
  /** Where the buyer came from: the shopkeeper's store page, or her share link of the product. */
  via: 'store' | 'share link';
  /** Bought on the tablet the shopkeeper signs in on too: her commission is held as self-dealing. */
  sharedDevice?: boolean;
  /** How far it has got: paid (to ship), shipped, or completed (the buyer confirmed receipt). */
  step: 'paid' | 'shipped' | 'completed';
  placedDaysAgo: number;
  shipment?: { carrier: string; trackingNumber: string; daysAgo: number };
  confirmedDaysAgo?: number;
  /** Points that paid part of it: a refund gives its share back into the lot they came from. */
  points?: number;
  /** A refund (before shipping) or return (after) of some units; approved, or waiting for the operator. */
  afterSale?: {
    type: 'refund' | 'return';
    quantity: number;
    reason: string;
    approved: boolean;
    daysAgo: number;
  };
  /** The buyer's own review once it arrived (with a photo of it when `photo`): a verified purchase. */
  review?: { rating: number; body: string; photo: boolean; daysAgo: number };
}

export const demoOrders: readonly DemoOrder[] = [
  {
    buyer: 'buyer3',
    sku: 'TEA-LJ-100',
    quantity: 1,
    via: 'store',
    step: 'completed',
    placedDaysAgo: 13,
    shipment: { carrier: 'SF Express', trackingNumber: 'SF1400223381', daysAgo: 13 },
    confirmedDaysAgo: 11,
    review: {
      rating: 5,
      body: 'Bright, nutty and sweet, the way spring Longjing should be. The tin keeps it fresh; I brew it at 80 °C.',
      photo: true,
      daysAgo: 10,
    },
  },
  {
    buyer: 'buyer1',
    sku: 'TEA-JP-050',
    quantity: 2,
    via: 'share link',
    step: 'completed',
    placedDaysAgo: 12,
    shipment: { carrier: 'SF Express', trackingNumber: 'SF1400227950', daysAgo: 12 },
    confirmedDaysAgo: 10,
    review: {
      rating: 4,
      body: '茉莉香很足，泡开的珍珠很好看。第三泡之后香气淡了一些，但这个价格很值。',
      photo: true,
      daysAgo: 9,
    },
  },
  {
    buyer: 'buyer3',
    sku: 'KIT-CHOP-5',
    quantity: 2,
    via: 'store',
    step: 'completed',
    placedDaysAgo: 5,
    shipment: { carrier: 'YTO Express', trackingNumber: 'YT7741902356', daysAgo: 4 },
    confirmedDaysAgo: 2,
    afterSale: {
      type: 'return',
      quantity: 1,
      reason: 'One set arrived with two chopsticks split at the tip.',
      approved: false,
      daysAgo: 1,
    },
    review: {
      rating: 3,
      body: 'Lovely wood and a good weight in the hand, but one set arrived split at the tip: I asked for a return.',
      photo: false,
      daysAgo: 1,
    },
  },
  {
    buyer: 'buyer1',
    sku: 'TEA-TGY-125',
    quantity: 1,
    via: 'share link',
    step: 'shipped',
    placedDaysAgo: 3,
    shipment: { carrier: 'SF Express', trackingNumber: 'SF1400231127', daysAgo: 2 },
  },
  {
    buyer: 'buyer2',
    sku: 'SN-NUTS-30',
    quantity: 1,
    via: 'share link',
    sharedDevice: true,
    step: 'paid',
    placedDaysAgo: 2,
  },
  {
    buyer: 'buyer3',
    sku: 'KIT-STEAM-20',
    quantity: 1,
    via: 'store',
    step: 'shipped',
    placedDaysAgo: 2,
    shipment: { carrier: 'JD Logistics', trackingNumber: 'JD0087412265', daysAgo: 1 },
  },
  {
    buyer: 'buyer3',
    sku: 'SN-LOTUS-08',
    quantity: 2,
    via: 'store',
    step: 'paid',
    placedDaysAgo: 1,
    points: 200,
    afterSale: {
      type: 'refund',
      quantity: 1,
      reason: 'I ordered one box too many.',
      approved: true,
      daysAgo: 1,
    },
  },
];

/** The shopkeeper's kitchen tablet: Wang Fang's order placed on it holds the commission. */
const SHARED_DEVICE = 'demo-kitchen-tablet';

export const demoShippingAddresses: Record<DemoOrder['buyer'], Record<string, string>> = {
  buyer1: {
    name: 'Chen Jie',
    phone: '+86 137 2468 1357',
    line1: '66 Tianmushan Road, Xihu District',
    city: 'Hangzhou',
    postalCode: '310013',
    country: 'China',
  },
  buyer2: {
    name: 'Wang Fang',
    phone: '+86 135 8642 9753',
    line1: '9 Huaihai Middle Road, Huangpu District',
    city: 'Shanghai',
    postalCode: '200021',
    country: 'China',
  },
  buyer3: {
    name: 'Zhao Lei',
    phone: '+86 139 1234 5678',
    line1: '18 Wensan Road, Xihu District',
    city: 'Hangzhou',
    postalCode: '310012',
    country: 'China',
  },
};

interface Step {
  daysAgo: number;
  run: () => Promise<unknown>;
}

/**
 * Places, pays and moves each demo order on, every step on its day, in the order they happened,
 * running the jobs each step makes due; `admin` ships the orders and decides the after-sales requests.
 */
export async function seedDemoOrders(
  services: Services,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  admin: { id: string },
  products: ReadonlyMap<string, Product>,
  time: DemoTime,
  jobs: { runDue(): Promise<number> },
): Promise<number> {
  const { sandbox } = services;
  if (!sandbox) return 0;
  const shopkeeper = person(people, 'shopkeeper');
  const variants = [...products.values()].flatMap((p) => p.variants.map((v) => ({ ...v, productId: p.id })));
  const steps: Step[] = [];
  for (const demo of demoOrders) {
    const buyer = person(people, demo.buyer);
    const variant = variants.find((v) => v.sku === demo.sku);
    if (!variant) throw new Error(`The demo catalog has no variant "${demo.sku}"`);
    let order: Order | undefined;
    const placed = () => order as Order;
    steps.push({
      daysAgo: demo.placedDaysAgo,
      run: async () => {
        order = await place(services, demo, buyer, shopkeeper, variant);
      },
    });
    if (demo.shipment) {
      const { carrier, trackingNumber } = demo.shipment;
      steps.push({
        daysAgo: demo.shipment.daysAgo,
        run: () => services.fulfilment.ship(admin.id, placed().id, { carrier, trackingNumber }),
      });
    }
    if (demo.confirmedDaysAgo !== undefined) {
      steps.push({
        daysAgo: demo.confirmedDaysAgo,
        run: () => services.orders.confirmReceipt(buyer.id, placed().id),
      });
    }
    const afterSale = demo.afterSale;
    if (afterSale) {
      steps.push({
        daysAgo: afterSale.daysAgo,
        run: async () => {
          const item = placed().items[0];
          const asked = await services.afterSales.request(buyer.id, placed().id, {
            type: afterSale.type,
            reason: afterSale.reason,
            items: item ? [{ orderItemId: item.id, quantity: afterSale.quantity }] : [],
          });
          if (afterSale.approved && asked.status === 'requested') {
            await services.afterSales.approve(admin.id, asked.id, 'Refunded the box you did not need.');
          }
        },
      });
    }
    const review = demo.review;
    if (review) {
      steps.push({
        daysAgo: review.daysAgo,
        run: async () => {
          const slug = [...products].find(([, p]) => p.id === variant.productId)?.[0];
          const photo =
            review.photo && slug
              ? await uploadDemoPicture(services.uploads, buyer.id, slug, 'review')
              : undefined;
          await services.reviews.create(buyer.id, placed().id, {
            rating: review.rating,
            body: review.body,
            images: photo ? [photo.id] : [],
          });
        },
      });
    }
  }
  // Stable: steps of one day run in the order they are listed.
  for (const step of [...steps].sort((a, b) => b.daysAgo - a.daysAgo)) {
    await time.at(step.daysAgo);
    await step.run();
    // What each step sets off (notifications, the invitation reward) happens on its day too.
    await jobs.runDue();
  }
  return demoOrders.length;
}

async function place(
  services: Services,
  demo: DemoOrder,
  buyer: PublicUser,
  shopkeeper: PublicUser,
  variant: { id: string; productId: string },
): Promise<Order> {
  let origin: { storeSlug: string } | { shareCode: string } = { storeSlug: demoStore.slug };
  if (demo.via === 'share link') {
    const link = await services.sharing.createLink(shopkeeper.id, { productId: variant.productId }, '');
    origin = { shareCode: link.code };
  }
  let client: { deviceId?: string; ip?: string } | undefined;
  if (demo.sharedDevice) {
    await services.distribution.recordSighting(shopkeeper.id, SHARED_DEVICE, '192.0.2.10');
    client = { deviceId: SHARED_DEVICE, ip: '192.0.2.10' };
  }
  const placed = await services.orders.placeOrder(
    buyer.id,
    {
      items: [{ variantId: variant.id, quantity: demo.quantity }],
      address: demoShippingAddresses[demo.buyer],
      ...(demo.points ? { points: demo.points } : {}),
      ...origin,
    },
    client,
  );
  return payDemoOrder(services, placed.body, demo.sku);
}

/** Pays a placed demo order through the sandbox, as the buyer's payment page would. */
export async function payDemoOrder(services: Services, order: Order, what: string): Promise<Order> {
  const payment = await services.payments.latestPaymentNow(order.id);
  const event = payment && (await services.sandbox?.simulate(payment.external_id, 'succeeded'));
  if (!event) throw new Error(`The demo order of ${what} could not be paid`);
  return services.orders.confirmPayment('sandbox', event);
}

function person(people: ReadonlyMap<DemoPerson['key'], PublicUser>, key: DemoPerson['key']): PublicUser {
  const found = people.get(key);
  if (!found) throw new Error(`The demo people have no ${key}`);
  return found;
}
