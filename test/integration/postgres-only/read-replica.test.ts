import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../src/modules/catalog/schemas.js';
import { openPostgres } from '../../../src/platform/db.js';
import { type ReplicaState, withReadReplica } from '../../../src/platform/db-read.js';
import { type Replica, startReplica } from '../../support/postgres-replica.js';
import { createProduct } from '../../support/shop.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createPostgresDatabase } from '../../support/test-db.js';

/**
 * DATABASE_READ_URL against a real streaming replica of the test cluster (pg_basebackup -R).
 * Pausing the replica's replay makes it visibly behind: GET pages then show what the replica has,
 * while writes and their answers use the primary; past the allowed lag, reads go to the primary.
 */
let replica: Replica;
let t: TestApp;
let state: ReplicaState;
const MAX_LAG_MS = 1500;

async function onReplica(sql: string) {
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function until(what: string, probe: () => boolean | Promise<boolean>, withinMs = 20_000) {
  const deadline = Date.now() + withinMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen (replica ${JSON.stringify(state)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  const url = await createPostgresDatabase();
  replica = await startReplica(url);
  const db = withReadReplica(openPostgres(url), replica.url, { maxLagMs: MAX_LAG_MS, pollMs: 100 });
  state = db.replica;
  t = await createTestApp({}, db);
  await until('the replica answering', () => state.healthy);
}, 120_000);

afterAll(async () => {
  await t?.close();
  replica?.stop();
});

describe('read-only queries on a streaming replica', () => {
  it('serves product pages and lists from the replica once it has replayed the write', async () => {
    const { product } = await createProduct(t, { title: 'Replicated pu-erh' });
    await until('the replica replaying the product', async () => {
      return (await t.request('GET', `/api/products/${product.id}`)).statusCode === 200;
    });
    const before = state.served;
    const list = await t.request('GET', '/api/products?q=pu-erh');
    expect(list.json<{ items: Product[] }>().items.map((p) => p.id)).toContain(product.id);
    expect(state.served).toBeGreaterThan(before);
  });

  it('keeps writes on the primary while the replica is behind, then leaves the replica past the lag', async () => {
    await onReplica('SELECT pg_wal_replay_pause()');
    try {
      const { product, variantId } = await createProduct(t, { title: 'Unreplayed oolong' });
      // The page is read from the replica, which has not seen the product yet.
      expect((await t.request('GET', `/api/products/${product.id}`)).statusCode).toBe(404);
      // Checkout reads and writes the primary: the product the replica lacks can be bought.
      const buyer = await t.signUp();
      const order = await t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId, quantity: 1 }] },
      });
      expect(order.statusCode).toBe(201);
      // The console (archived included) reads the primary: an operator sees their own edit.
      const admin = await t.signInAdmin();
      const consoleView = await t.request('GET', `/api/admin/products/${product.id}`, { token: admin.token });
      expect(consoleView.statusCode).toBe(200);
      // More than MAX_LAG_MS behind: the storefront's reads go to the primary.
      await until('the lag being noticed', () => !state.healthy, MAX_LAG_MS + 5000);
      expect(state.lagMs).toBeGreaterThan(MAX_LAG_MS);
      expect((await t.request('GET', `/api/products/${product.id}`)).statusCode).toBe(200);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
    }
    await until('the replica catching up', () => state.healthy);
    expect(state.lagMs).toBeLessThanOrEqual(MAX_LAG_MS);
  }, 30_000);

  it('answers from the primary when the replica goes away', async () => {
    const { product } = await createProduct(t, { title: 'Failover jasmine' });
    replica.stop();
    const page = await t.request('GET', `/api/products/${product.id}`);
    expect(page.statusCode).toBe(200);
    await until('the replica being marked down', () => !state.healthy);
    expect((await t.request('GET', '/api/products?q=jasmine')).statusCode).toBe(200);
  });
});
