import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Badge } from '../modules/honours/index.js';
import type { Database } from '../platform/db.js';

type Services = BuiltApp['services'];

/**
 * The shop the demo tells of is a fortnight old, but its shopkeeper had customers and a check-in
 * habit before that: carried over as counts, so her store page shows customers (bronze) and a
 * streak (bronze) at once. Her first sale comes from the story's own orders through her store.
 */
export const demoHonours: readonly { badge: Badge; count: number }[] = [
  { badge: 'customers', count: 12 },
  { badge: 'check_in_streak', count: 9 },
];

/** Idempotent: a count carried over again changes nothing, and a tier is granted once. */
export async function seedDemoHonours(
  services: Services,
  db: Database,
  shopkeeper: PublicUser,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { badge, count } of demoHonours)
      await services.honours.carryOver(tx, shopkeeper.id, badge, count);
  });
}
