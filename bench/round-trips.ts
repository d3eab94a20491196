import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { argon2idHasher, TEST_COST } from '../src/modules/accounts/passwords.js';
import { systemClock } from '../src/platform/clock.js';
import { type Database, openPostgres, type Queryable, type Tx } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { cleanupAll, cleanupOnSignals } from './support/cleanup.js';
import { createDatabase, startBenchCluster } from './support/postgres.js';

/**
 * Where a checkout's time goes: Fission in-process on PostgreSQL with a database wrapper that
 * counts every round trip (BEGIN and COMMIT included) and the time spent waiting for each kind of
 * statement, over sequential checkouts of one line. Run: `npx tsx bench/round-trips.ts [orders]`.
 */
interface Tally {
  calls: number;
  ms: number;
}

const tallies = new Map<string, Tally>();
let counting = false;
const TRANSACTION = 'BEGIN … COMMIT: pool checkout, BEGIN, COMMIT';

/** The statement's first words, as a label: "INSERT INTO orders", "SELECT s.id AS ..." */
const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 48);

/** Time spent in statements run inside transactions, already part of the transactions' time. */
let insideMs = 0;

async function timed<T>(sql: string, work: () => Promise<T>, inTransaction = false): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    if (counting) {
      const ms = performance.now() - started;
      const tally = tallies.get(label(sql)) ?? { calls: 0, ms: 0 };
      tally.calls++;
      tally.ms += ms;
      tallies.set(label(sql), tally);
      if (inTransaction) insideMs += ms;
    }
  }
}

function counted<Q extends Queryable>(conn: Q, inTransaction = false): Q {
  return {
    ...conn,
    query: (sql: string, params?: readonly unknown[]) =>
      timed(sql, () => conn.query(sql, params), inTransaction),
    exec: (sql: string) => timed(sql, () => conn.exec(sql), inTransaction),
  } as Q;
}

function countingDatabase(db: Database): Database {
  return {
    ...counted(db),
    dialect: db.dialect,
    close: () => db.close(),
    transaction: <T>(work: (tx: Tx) => Promise<T>) =>
      timed(TRANSACTION, () => db.transaction((tx) => work(counted(tx, true)))),
  };
}

/** The tally as a Markdown table; a transaction's own cost is its time minus its statements'. */
function report(totalMs: number) {
  const transactions = tallies.get(TRANSACTION) ?? { calls: 0, ms: 0 };
  const statements = [...tallies].filter(([sql]) => sql !== TRANSACTION);
  const statementMs = statements.reduce((sum, [, t]) => sum + t.ms, 0);
  const statementCalls = statements.reduce((sum, [, t]) => sum + t.calls, 0);
  const rows: [string, Tally][] = [
    ...statements,
    [TRANSACTION, { calls: transactions.calls * 2, ms: transactions.ms - insideMs }],
  ];
  const each = (value: number) => (value / orders).toFixed(2);
  console.log(
    `${orders} sequential checkouts: ${each(totalMs)} ms each, ` +
      `${each(statementCalls + 2 * transactions.calls)} round trips each, ` +
      `${each(statementMs + transactions.ms - insideMs)} ms of it waiting for PostgreSQL`,
  );
  console.log('| statement | round trips per checkout | ms per checkout |\n| --- | --- | --- |');
  for (const [sql, t] of rows.sort(([, a], [, b]) => b.ms - a.ms)) {
    console.log(`| ${sql} | ${each(t.calls)} | ${each(t.ms)} |`);
  }
}

const orders = Number(process.argv[2] ?? 300);
cleanupOnSignals();
try {
  const cluster = startBenchCluster();
  const db = openPostgres(await createDatabase(cluster.adminUrl, 'fission'));
  await migrate(db);
  const config = loadConfig({ LOG_LEVEL: 'warn', RATE_LIMITS: 'off', MAX_UNPAID_ORDERS: '0' });
  const { app, services } = await buildApp({
    config,
    db: countingDatabase(db),
    clock: systemClock,
    passwords: argon2idHasher(TEST_COST),
  });
  await app.ready();
  const admin = await services.accounts.ensureAdmin('admin@bench.test', 'admin-password');
  const json = async (method: 'POST', url: string, body: unknown, token?: string, key?: string) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (key) headers['idempotency-key'] = key;
    const res = await app.inject({ method, url, payload: body as object, headers });
    return { status: res.statusCode, body: res.json() };
  };
  const adminToken = (
    await json('POST', '/api/auth/login', { email: admin.email, password: 'admin-password' })
  ).body.token as string;
  const product = await json(
    'POST',
    '/api/admin/products',
    { title: 'Traced', variants: [{ sku: 'TRACE-1', price: 1990, stock: 1_000_000 }] },
    adminToken,
  );
  const variantId = product.body.variants[0].id as string;
  const buyer = (
    await json('POST', '/api/auth/register', { email: 'b@bench.test', password: 'buyer pass 1', name: 'B' })
  ).body.token as string;
  const order = (n: number) =>
    json('POST', '/api/orders', { items: [{ variantId, quantity: 1 }] }, buyer, `trace-${n}`);
  for (let n = 0; n < 50; n++) await order(-n - 1); // warm-up

  counting = true;
  const started = performance.now();
  for (let n = 0; n < orders; n++) {
    const { status } = await order(n);
    if (status !== 201) throw new Error(`checkout answered ${status}`);
  }
  const totalMs = performance.now() - started;
  counting = false;

  report(totalMs);
  await app.close();
  await db.close();
} finally {
  await cleanupAll();
}
