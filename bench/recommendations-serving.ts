/**
 * Serving latency of the recommender from precomputed candidates (DESIGN.md: p99 under 5 ms):
 * `npx tsx bench/recommendations-serving.ts [users] [products] [requests]`.
 *
 * The whole app in this process on PGlite in memory; a synthetic shop written straight into the
 * tables (users, follows, purchases), one real training (in its worker thread), then requests one
 * after another through Fastify's inject: `GET /api/recommendations` signed in (each a different
 * person) and signed out, and `GET /api/products/:id/also-bought`. Timed from the request to the
 * parsed answer, so routing, auth, validation and serialization are in the figure; sockets are not.
 * Beside the wall-clock times, the CPU time this process spent on each request (PGlite runs in this
 * thread, so its queries are in it): on shared cores a request waits for a core, and the CPU figure
 * is what the request itself costs, whatever the others run.
 */
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { argon2idHasher, TEST_COST } from '../src/modules/accounts/passwords.js';
import { AdjustableClock } from '../src/platform/clock.js';
import { openPglite } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

const [users = 2000, products = 300, requests = 2000] = process.argv.slice(2).map(Number);
const DAY = 86_400_000;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main() {
  const db = await openPglite();
  await migrate(db);
  console.error('migrated; writing the synthetic shop');
  const clock = new AdjustableClock();
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMITS: 'off', SEED_DEMO: '0' });
  const { app, services } = await buildApp({ config, db, clock, passwords: argon2idHasher(TEST_COST) });
  await app.ready();
  const now = clock.now();

  // A catalog of `products` in 6 categories, each in stock.
  for (let p = 0; p < products; p++) {
    await services.catalog.createProduct({
      title: `Product ${p}`,
      category: ['tea', 'snacks', 'kitchen', 'home', 'beauty', 'digital'][p % 6],
      variants: [{ sku: `BENCH-${p}`, price: 1000 + p, stock: 1000 }],
    });
  }
  const productIds = (await db.query<{ id: string }>('SELECT id FROM products ORDER BY id')).map((r) => r.id);
  // People with a taste (a block of products), 5 follows each, 12 purchases over 60 days each.
  await db.query(
    `INSERT INTO users (id, email, name, password_hash, invite_code, created_at, language)
     SELECT 'u' || g, 'u' || g || '@bench.test', 'Person ' || g, 'x', 'inv' || g, $1, 'en' FROM generate_series(0, $2 - 1) g`,
    [now, users],
  );
  await db.query(
    `INSERT INTO user_follows (follower_id, followee_id, created_at)
     SELECT 'u' || g, 'u' || ((g + k * 37) % $1), $2 FROM generate_series(0, $1 - 1) g, generate_series(1, 5) k
     ON CONFLICT DO NOTHING`,
    [users, now],
  );
  await db.query(
    `INSERT INTO rec_events (user_id, product_id, kind, order_id, at)
     SELECT 'u' || g, ($3::text[])[1 + ((g % 20) * 15 + (g * 7 + k * 13) % 40) % $2], 'purchase', 'o' || g || '-' || k,
       $4::timestamptz - ((g + k) % 60) * interval '1 day'
     FROM generate_series(0, $1 - 1) g, generate_series(1, 12) k ON CONFLICT DO NOTHING`,
    [users, products, productIds, now],
  );
  console.error('training');
  const started = performance.now();
  await services.recommendations.trainNow();
  console.error('trained; timing requests');
  const trainMs = performance.now() - started;

  // Signed-in people: sessions for the first ones through the accounts service.
  const tokens: string[] = [];
  for (let i = 0; i < 50; i++) {
    const session = await services.accounts.register({
      email: `signed${i}@bench.test`,
      password: 'correct horse battery',
      name: `Signed ${i}`,
    });
    // Give them the synthetic people's history and follows, so their lists are full.
    await db.query(
      `INSERT INTO rec_events (user_id, product_id, kind, order_id, at)
       SELECT $1, product_id, 'purchase', order_id || '-s', at FROM rec_events WHERE user_id = $2 AND kind = 'purchase'`,
      [session.user.id, `u${i}`],
    );
    await db.query(
      `INSERT INTO rec_friends (user_id, friend_id) SELECT $1, friend_id FROM rec_friends WHERE user_id = $2`,
      [session.user.id, `u${i}`],
    );
    tokens.push(session.token);
  }
  clock.advance(DAY);
  await db.query('ANALYZE');

  async function time(label: string, url: (i: number) => string, token?: (i: number) => string) {
    const times: number[] = [];
    const cpu: number[] = [];
    let items = 0;
    for (let i = 0; i < requests; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: url(i),
        headers: token ? { authorization: `Bearer ${token(i)}` } : {},
      });
      const body = res.json() as { items: unknown[] };
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body}`);
      items += body.items.length;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    return {
      label,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      max: times.at(-1) as number,
      cpuP50: percentile(cpu, 50),
      cpuP99: percentile(cpu, 99),
      meanItems: items / requests,
    };
  }

  // A warm-up round, then the measured rounds.
  await time(
    'warm-up',
    () => '/api/recommendations?limit=12',
    (i) => tokens[i % tokens.length] as string,
  );
  const results = [
    await time(
      'GET /api/recommendations (signed in)',
      () => '/api/recommendations?limit=12',
      (i) => tokens[i % tokens.length] as string,
    ),
    await time('GET /api/recommendations (signed out)', () => '/api/recommendations?limit=12'),
    await time(
      'GET /api/products/:id/also-bought',
      (i) => `/api/products/${productIds[i % productIds.length]}/also-bought?limit=8`,
    ),
  ];
  const trainings = await services.recommendations.trainings(1);
  console.log(
    JSON.stringify({ users, products, requests, trainMs, training: trainings.items[0], results }, null, 2),
  );
  console.log('\n| request | p50 | p99 | max | CPU p50 | CPU p99 | items |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.max.toFixed(1)} ms | ${r.cpuP50.toFixed(2)} ms | ${r.cpuP99.toFixed(2)} ms | ${r.meanItems.toFixed(1)} |`,
    );
  }
  await app.close();
  await db.close();
}

await main();
