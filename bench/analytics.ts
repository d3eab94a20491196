import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAnalyticsService } from '../src/modules/analytics/index.js';
import { AdjustableClock } from '../src/platform/clock.js';
import { type Database, openPglite, openPostgres } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { cleanupAll, cleanupOnSignals, onCleanup } from './support/cleanup.js';
import { createDatabase, startBenchCluster } from './support/postgres.js';
import { round } from './support/stats.js';

/**
 * The dashboard's queries on a year of a large shop: `--orders` paid orders (default 1M) and
 * `--events` log events (default 10M: link openings, shares, sign-ups, orders, refunds), made in
 * SQL with generate_series (with share links to 1,000 products, coupons and group-buy campaigns on some
 * orders), then the daily rollups and every dashboard query timed (median of
 * `--rounds`). `npx tsx bench/analytics.ts [--database postgres|pglite] [--orders N] [--events N]`.
 */
const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'postgres' },
    orders: { type: 'string', default: '1000000' },
    events: { type: 'string', default: '10000000' },
    rounds: { type: 'string', default: '3' },
  },
});
const ORDERS = Number(args.orders);
const EVENTS = Number(args.events);
const PEOPLE = Math.max(10, Math.floor(ORDERS / 5));
// The data set's year ends at NOW; the dashboard asks for periods up to it.
const NOW = new Date('2026-06-30T12:00:00Z');

async function openDatabase(): Promise<{ db: Database; label: string }> {
  if (args.database === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'fission-bench-analytics-'));
    onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    return { db: await openPglite({ dataDir: dir }), label: 'PGlite' };
  }
  const cluster = startBenchCluster();
  const url = await createDatabase(cluster.adminUrl, 'fission_analytics');
  return { db: openPostgres(url, 4), label: 'PostgreSQL' };
}

/** A year of a shop, written by the database itself: a person a fifth of orders, an invitation tree 1 in 3. */
async function generate(db: Database) {
  const year = `timestamptz '${NOW.toISOString()}' - interval '365 days'`;
  await db.query(
    `INSERT INTO analytics_people (user_id, signed_up_at, device_id, invited_by)
     SELECT 'u' || g, ${year} + (g::float8 / $1) * interval '300 days', 'd' || g,
            CASE WHEN g % 3 = 0 AND g > 3 THEN 'u' || (g / 3) END
     FROM generate_series(1, $1::bigint) g`,
    [PEOPLE],
  );
  // Each person's first order first (orders 1..PEOPLE), then repeat orders spread over the year.
  await db.query(
    `INSERT INTO analytics_orders (order_id, user_id, paid_at, total, refunded_amount, channel, first_order, promoter_id,
       share_code, coupon_template_id, coupon_discount, group_campaign_id)
     SELECT 'o' || g,
       'u' || CASE WHEN g <= $2 THEN g ELSE 1 + (g * 7919) % $2 END,
       CASE WHEN g <= $2 THEN ${year} + (g::float8 / $2) * interval '300 days' + interval '1 hour'
            ELSE ${year} + ((g * 104729) % 31536000) * interval '1 second' END,
       1000 + (g * 37) % 20000,
       CASE WHEN g % 25 = 0 THEN 500 ELSE 0 END,
       (ARRAY['direct','share','store','group','post','live','community'])[(1 + g % 7)::int],
       g <= $2,
       CASE WHEN g % 3 = 1 THEN 'u' || (1 + (g * 31) % $2) END,
       CASE WHEN g % 3 = 1 THEN 'code' || (g % 100000) END,
       CASE WHEN g % 10 = 3 THEN 'coupon' || (g % 20) END, CASE WHEN g % 10 = 3 THEN 300 ELSE 0 END,
       CASE WHEN g % 7 = 3 THEN 'campaign' || (g % 30) END
     FROM generate_series(1, $1::bigint) g`,
    [ORDERS, PEOPLE],
  );
  await db.query(
    `INSERT INTO analytics_commissions (commission_id, order_id, promoter_id, level, amount, earned_at)
     SELECT 'c' || o.order_id, o.order_id, o.promoter_id, 1, o.total / 10, o.paid_at
     FROM analytics_orders o WHERE o.promoter_id IS NOT NULL`,
  );
  // The links' targets: 100,000 codes over 1,000 products.
  await db.query(
    `INSERT INTO analytics_links (code, user_id, target_type, target_id, created_at)
     SELECT 'code' || g, 'u' || (1 + g % $1), 'product', 'p' || (g % 1000), ${year} + (g % 300) * interval '1 day'
     FROM generate_series(0, 99999) g`,
    [PEOPLE],
  );
  // Events: 80% link openings by 3 devices in 10 per person, the rest shares, sign-ups, orders and refunds.
  await db.query(
    `INSERT INTO analytics_events (kind, occurred_at, user_id, device_id, subject, channel, amount)
     SELECT CASE WHEN g % 10 < 8 THEN 'link_opened' WHEN g % 10 = 8 THEN 'share_created'
                 WHEN g % 20 = 9 THEN 'signup' ELSE 'repeat_order' END,
       ${year} + ((g * 7919) % 31536000) * interval '1 second',
       'u' || (1 + g % $2), 'd' || (1 + (g * 13) % ($2 * 3)), 'code' || (g % 100000),
       CASE WHEN g % 10 < 8 THEN 'share' ELSE 'direct' END, CASE WHEN g % 20 = 19 THEN 1000 ELSE 0 END
     FROM generate_series(1, $1::bigint) g`,
    [EVENTS, PEOPLE],
  );
  await db.query('ANALYZE');
}

const table = (header: string[], rows: (string | number)[][]) =>
  [header, header.map(() => '---'), ...rows.map((r) => r.map(String))]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed(rounds: number, run: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return round(median(ms), 1);
}

async function main() {
  cleanupOnSignals();
  const { db, label } = await openDatabase();
  await migrate(db);
  const clock = new AdjustableClock(NOW.getTime() - Date.now());
  const analytics = createAnalyticsService({
    db,
    clock,
    jobs: { every: () => {} },
    orderFacts: async () => undefined,
  });
  let start = performance.now();
  await generate(db);
  const generateSeconds = (performance.now() - start) / 1000;
  // The first pass reads the whole log (the cursor is at 0): the whole year recounted at once.
  start = performance.now();
  await analytics.refreshRollups();
  const rollupSeconds = (performance.now() - start) / 1000;
  // The rollup tables' statistics, as autovacuum would gather them after such a write.
  await db.query('ANALYZE');
  // Later passes, as the job runs them every minute: the last two days.
  start = performance.now();
  await analytics.refreshRollups();
  const refreshMs = performance.now() - start;

  const rounds = Number(args.rounds);
  const rows: (string | number)[][] = [];
  for (const [name, days] of [
    ['30 days', 30],
    ['90 days', 90],
    ['a year', 366],
  ] as const) {
    const to = NOW.toISOString().slice(0, 10);
    const from = new Date(NOW.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    const period = { from, to };
    rows.push([
      name,
      await timed(rounds, () => analytics.overview(period)),
      await timed(rounds, () => analytics.funnel(period)),
      await timed(rounds, () => analytics.daily(period)),
      await timed(rounds, () => analytics.fission(period)),
      await timed(rounds, () => analytics.cohorts(period)),
      await timed(rounds, () => analytics.promoters(period)),
      await timed(rounds, () => analytics.products(period)),
      await timed(rounds, () => analytics.incentives(period)),
    ]);
  }
  console.log(
    `\n## Analytics on ${label}: ${ORDERS.toLocaleString('en')} orders, ${EVENTS.toLocaleString('en')} events, ` +
      `${PEOPLE.toLocaleString('en')} people\n`,
  );
  console.log(
    `Generated in ${round(generateSeconds, 1)} s; whole-year rollup ${round(rollupSeconds, 1)} s ` +
      `(${Math.round(EVENTS / rollupSeconds).toLocaleString('en')} events/s); the job's pass (2 days) ${round(refreshMs, 0)} ms.\n`,
  );
  console.log(
    table(
      [
        'period',
        'overview ms',
        'funnel ms',
        'daily ms',
        'fission ms',
        'cohorts ms',
        'promoters ms',
        'products ms',
        'incentives ms',
      ],
      rows,
    ),
  );
  await db.close();
}

try {
  await main();
} finally {
  await cleanupAll();
}
