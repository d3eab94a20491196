import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { PointsSettings } from '../modules/points/index.js';
import { days } from '../platform/clock.js';
import type { Database } from '../platform/db.js';
import { demoAuditContext } from './audit.js';
import type { DemoPerson } from './people.js';
import { DEMO_HISTORY_DAYS } from './time.js';

type Services = BuiltApp['services'];

/** The demo's points: a yuan paid earns a point, 100 points pay a yuan, up to half an order; a year to use them. */
export const demoPointsSettings: PointsSettings = {
  earnPerUnit: 1,
  redeemPerUnit: 100,
  maxShareBps: 5000,
  expiryMonths: 12,
};

/**
 * Points from last year's tasks, about to expire (days from the present), so each buyer's points page
 * shows what expires when next to the points their demo orders earn.
 */
export const demoExpiringPoints: Readonly<
  Record<Exclude<DemoPerson['key'], 'shopkeeper' | 'support'>, { points: number; expiresInDays: number }>
> = {
  buyer1: { points: 1_200, expiresInDays: 9 },
  buyer2: { points: 1_500, expiresInDays: 20 },
  buyer3: { points: 300, expiresInDays: 27 },
};

/**
 * At the start of the story, before the demo orders are paid (each then earns its points, with a
 * year's expiry): the operator's settings and the buyers' older points that expire within a month.
 */
export async function seedDemoPoints(
  services: Services,
  db: Database,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  storyStart: Date,
  adminId: string,
) {
  await services.points.updateSettings(demoPointsSettings, demoAuditContext(adminId));
  // The story starts DEMO_HISTORY_DAYS before the present; expiries are counted from the present.
  const present = storyStart.getTime() + days(DEMO_HISTORY_DAYS);
  for (const [key, lot] of Object.entries(demoExpiringPoints)) {
    const user = people.get(key as DemoPerson['key']);
    if (!user) continue;
    const expiresAt = new Date(present + days(lot.expiresInDays));
    await db.transaction((tx) =>
      services.points.postWithExpiry(tx, {
        userId: user.id,
        delta: lot.points,
        reason: 'task',
        ref: `demo:points:${user.id}`,
        expiresAt,
      }),
    );
  }
}
