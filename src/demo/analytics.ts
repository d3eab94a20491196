import type { BuiltApp } from '../app.js';
import type { AnalyticsEvent } from '../modules/analytics/index.js';
import type { Database } from '../platform/db.js';
import { DEMO_HISTORY_DAYS } from './time.js';

type Services = BuiltApp['services'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Openings of one link on one day of the story: a steady few, more at weekends, never random. */
export const demoOpenings = (linkIndex: number, daysAgo: number): number =>
  2 + ((linkIndex * 7 + daysAgo * 3) % 5) + (daysAgo % 7 < 2 ? 3 : 0);

/**
 * The dashboard's history for the demo shop. The story's shares, sign-ups and orders reached the
 * event log as they happened; what a seed cannot do through the API is tap links from phones over a
 * fortnight. So: each demo link opened a few times a day by visitors' devices, and the buyers who
 * came through links opening theirs an hour before they signed up (their device carried to sign-up),
 * so every chart and every step of the funnel has something to show. Runs in the present, last.
 */
export async function seedDemoAnalytics(services: Services, db: Database, now: Date): Promise<number> {
  // The analytics module's own log: the links the story made, and the buyers who paid.
  const links = await db.query<{ subject: string }>(
    `SELECT subject FROM analytics_events WHERE kind = 'share_created' ORDER BY id`,
  );
  const buyers = await db.query<{ user_id: string; signed_up_at: Date; orders: number }>(
    `SELECT p.user_id, p.signed_up_at, count(o.order_id)::bigint AS orders
     FROM analytics_people p JOIN analytics_orders o ON o.user_id = p.user_id
     WHERE p.device_id IS NULL GROUP BY p.user_id, p.signed_up_at ORDER BY p.signed_up_at`,
  );
  const code = links[0]?.subject ?? 'demo-link';
  const events: AnalyticsEvent[] = [];
  for (const [i, link] of links.entries()) {
    for (let daysAgo = DEMO_HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
      for (let n = 0; n < demoOpenings(i, daysAgo); n++) {
        events.push({
          kind: 'link_opened',
          occurredAt: new Date(now.getTime() - daysAgo * DAY - (n + 1) * HOUR),
          deviceId: `demo-visitor-${i}-${daysAgo}-${n}`,
          subject: link.subject,
          channel: 'share',
        });
      }
    }
  }
  const devices = buyers.map((b) => ({ userId: b.user_id, deviceId: `demo-device-${b.user_id}` }));
  for (const b of buyers) {
    events.push({
      kind: 'link_opened',
      occurredAt: new Date(b.signed_up_at.getTime() - HOUR),
      deviceId: `demo-device-${b.user_id}`,
      subject: code,
      channel: 'share',
    });
  }
  await services.analytics.backfill(events, devices);
  return events.length;
}
