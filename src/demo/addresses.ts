import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { Database } from '../platform/db.js';

type Services = BuiltApp['services'];

/**
 * Chen Jie's address book, written the Chinese way (province, city, district, then the street):
 * home is the default, so his checkout opens on it; the office is one tap away.
 */
export const demoAddresses = [
  {
    name: '陈杰',
    phone: '+86 137 2468 1357',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    line1: '天目山路 66 号 3 幢 1201 室',
    postalCode: '310013',
    country: '中国',
  },
  {
    name: '陈杰',
    phone: '+86 137 2468 1357',
    province: '浙江省',
    city: '杭州市',
    district: '滨江区',
    line1: '网商路 699 号 5 号楼前台',
    postalCode: '310052',
    country: '中国',
  },
] as const;

/** The friend's phone that opened Chen Jie's share link: one of the two the share coupon needs. */
export const DEMO_FRIEND_DEVICE = 'demo-friend-phone';

/**
 * Saves Chen Jie's addresses, and has one friend open a link he shared, so the share-to-unlock
 * coupon in the coupon centre shows him "1 of 2 friends" instead of a Claim button. Runs in the
 * present, after the coupon exists: only visits since it was created count.
 */
export async function seedDemoAddressBook(
  services: Services,
  db: Database,
  buyer: PublicUser,
  products: ReadonlyMap<string, Product>,
): Promise<void> {
  // The first saved is the default: home.
  for (const address of demoAddresses) await services.addresses.create(buyer.id, address);
  const shared = [...products.values()][0];
  if (!shared) return;
  const link = await services.sharing.createLink(buyer.id, { productId: shared.id }, '');
  const resolved = await services.sharing.findLink(db, link.code);
  if (!resolved) throw new Error('The demo share link of Chen Jie was not found');
  services.sharing.recordClick(resolved, {
    deviceId: DEMO_FRIEND_DEVICE,
    ip: '198.51.100.7',
    userAgent: undefined,
  });
  await services.sharing.flushClicks();
}
