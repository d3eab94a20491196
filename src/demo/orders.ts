/**
 * A few demo orders, so a newcomer sees fulfilment at every step: Zhao Lei (buyer 3) bought in
 * Xiaomei's Pantry, one order waiting to ship (the console's "To ship"), one on its way and one
 * delivered and confirmed. They are paid through the sandbox, so they exist only when it is on.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/service.js';
import type { Product } from '../modules/catalog/service.js';
import type { Order } from '../modules/orders/present.js';
import { demoStore } from './social.js';

type Services = BuiltApp['services'];

export interface DemoOrder {
  sku: string;
  quantity: number;
  /** How far it has got: paid (to ship), shipped, or completed (the buyer confirmed receipt). */
  step: 'paid' | 'shipped' | 'completed';
  shipment?: { carrier: string; trackingNumber: string };
}

export const demoOrders: readonly DemoOrder[] = [
  {
    sku: 'TEA-LJ-100',
    quantity: 1,
    step: 'completed',
    shipment: { carrier: 'SF Express', trackingNumber: 'SF1400223381' },
  },
  {
    sku: 'KIT-STEAM-20',
    quantity: 1,
    step: 'shipped',
    shipment: { carrier: 'JD Logistics', trackingNumber: 'JD0087412265' },
  },
  { sku: 'SN-LOTUS-08', quantity: 2, step: 'paid' },
];

const address = {
  name: 'Zhao Lei',
  phone: '+86 139 1234 5678',
  line1: '18 Wensan Road, Xihu District',
  city: 'Hangzhou',
  postalCode: '310012',
  country: 'China',
};

/** Places, pays and moves each demo order on; `shipper` is the administrator who ships them. */
export async function seedDemoOrders(
  services: Services,
  buyer: PublicUser,
  shipper: { id: string },
  products: ReadonlyMap<string, Product>,
): Promise<number> {
  const { sandbox } = services;
  if (!sandbox) return 0;
  const variants = [...products.values()].flatMap((p) => p.variants);
  for (const demo of demoOrders) {
    const variant = variants.find((v) => v.sku === demo.sku);
    if (!variant) throw new Error(`The demo catalog has no variant "${demo.sku}"`);
    const placed = await services.orders.placeOrder(buyer.id, {
      items: [{ variantId: variant.id, quantity: demo.quantity }],
      address,
      storeSlug: demoStore.slug,
    });
    const order: Order = placed.body;
    const payment = await services.payments.latestPaymentNow(order.id);
    const event = payment && (await sandbox.simulate(payment.external_id, 'succeeded'));
    if (!event) throw new Error(`The demo order of ${demo.sku} could not be paid`);
    await services.orders.confirmPayment('sandbox', event);
    if (demo.shipment) await services.fulfilment.ship(shipper.id, order.id, demo.shipment);
    if (demo.step === 'completed') await services.orders.confirmReceipt(buyer.id, order.id);
  }
  return demoOrders.length;
}
