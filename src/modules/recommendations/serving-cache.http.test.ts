import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createPostgresDatabase, openTestDatabase, testDialect } from '../../../test/support/test-db.js';
import { openPostgres } from '../../platform/db.js';
import type { Product } from '../catalog/index.js';
import { VERSION_CHECK_MS } from './serving-cache.js';

/**
 * Each process keeps its own copy of the last training's tables. Two app instances on one database,
 * as two processes: one trains, the other must serve the new training (at once for a person's list,
 * within VERSION_CHECK_MS for "people also bought"), and what the catalog changes shows at once.
 */
let a: TestApp;
let b: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;

beforeAll(async () => {
  const url = testDialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const db = url ? openPostgres(url, 10) : await openTestDatabase();
  a = await createTestApp({}, db);
  b = await createTestApp({}, url ? openPostgres(url, 10) : db);
  admin = (await a.signInAdmin()).token;
});
afterAll(async () => {
  await b.app.close();
  await b.jobs.stop();
  if (testDialect === 'postgres') await b.db.close();
  await a.close();
});

const alsoBoughtOn = async (app: TestApp, productId: string) => {
  const res = await app.request('GET', `/api/products/${productId}/also-bought?limit=20`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Product[] }>().items.map((p) => p.id);
};
const listOn = async (app: TestApp, person: Person) => {
  const res = await app.request('GET', '/api/recommendations?limit=50', { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { product: Product; reason: { type: string } }[] }>().items;
};
/** Fans who buy `brush` with each of `others`. */
async function boughtTogether(brush: string, others: string[], fans = 3) {
  for (const fan of await Promise.all(Array.from({ length: fans }, () => a.signUp())))
    for (const variantId of [brush, ...others]) await placePaidOrder(a, fan.token, variantId);
}
const trainOnA = async () => {
  await a.jobs.runDue();
  expect(await a.services.recommendations.trainNow()).not.toBeNull();
};

describe('the per-process copy of the last training', () => {
  it('is read again when another process trains, and never hides what the catalog changes', async () => {
    const brush = await createProduct(a, { title: 'Cache brush', stock: 50 });
    const tray = await createProduct(a, { title: 'Cache tray', stock: 50 });
    await boughtTogether(brush.variantId, [tray.variantId]);
    const me = await a.signUp();
    await placePaidOrder(a, me.token, brush.variantId);
    await trainOnA();
    // B's first request reads the training's tables into its copy.
    expect(await alsoBoughtOn(b, brush.product.id)).toContain(tray.product.id);

    // A trains again with a new product bought with the brush: B's copy is the old one for at most
    // VERSION_CHECK_MS (the clocks also run in real time, so a test cannot catch it stale), then
    // B reads the new training.
    const cloth = await createProduct(a, { title: 'Cache cloth', stock: 50 });
    await boughtTogether(brush.variantId, [cloth.variantId]);
    await trainOnA();
    expect(await alsoBoughtOn(a, brush.product.id)).toContain(cloth.product.id);
    b.clock.advance(VERSION_CHECK_MS);
    expect(await alsoBoughtOn(b, brush.product.id)).toContain(cloth.product.id);

    // A person's list reads the training's id with its own rows: after A's next training, B's first
    // list already serves it, and its copy is current for "people also bought" too.
    const scoop = await createProduct(a, { title: 'Cache scoop', stock: 50 });
    await boughtTogether(brush.variantId, [scoop.variantId], 4);
    await trainOnA();
    const latest = (await a.services.recommendations.trainings(1)).items[0]?.id;
    expect(b.services.recommendations.servingCache().trainingId).not.toBe(latest);
    const mine = await listOn(b, me);
    expect(b.services.recommendations.servingCache().trainingId).toBe(latest);
    expect(mine.map((i) => i.product.id)).toContain(scoop.product.id);
    expect(mine.map((i) => i.product.id)).not.toContain(brush.product.id);
    expect(await alsoBoughtOn(b, brush.product.id)).toContain(scoop.product.id);

    // Archiving and selling out are the catalog's, read on every request: hidden on B at once.
    const archived = await a.request('POST', `/api/admin/products/${tray.product.id}/archive`, {
      token: admin,
    });
    expect(archived.statusCode).toBe(200);
    const soldOut = await a.request('POST', `/api/admin/variants/${cloth.variantId}/stock`, {
      token: admin,
      body: { delta: -(await stockLeft(cloth.variantId)), reason: 'counted wrong' },
    });
    expect(soldOut.statusCode, soldOut.body).toBe(200);
    const after = await alsoBoughtOn(b, brush.product.id);
    expect(after).not.toContain(tray.product.id);
    expect(after).not.toContain(cloth.product.id);
    expect(after).toContain(scoop.product.id);
    const listed = (await listOn(b, me)).map((i) => i.product.id);
    expect(listed).not.toContain(tray.product.id);
    expect(listed).not.toContain(cloth.product.id);
    expect(b.services.recommendations.servingCache().products).toBeGreaterThan(0);
  });
});

async function stockLeft(variantId: string) {
  const rows = await a.db.query<{ stock: number }>('SELECT stock FROM variants WHERE id = $1', [variantId]);
  return rows[0]?.stock ?? 0;
}
