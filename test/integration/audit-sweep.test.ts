import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/platform/http/pagination.js';
import { BODY_METHODS, bodySchemaOf, documentedRoutes, type Route, sample } from '../support/openapi.js';
import { createProduct } from '../support/shop.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every operator route that changes something records it, swept over the OpenAPI document so a
 * route added tomorrow is checked too: each admin POST/PUT/PATCH/DELETE is called as the operator
 * with a body its schema accepts, and every one that succeeds must have left an audit entry with
 * its request id, unless it is listed below with the reason it changes nothing of that kind.
 */
const RECORDS_NOTHING: Record<string, string> = {
  'PUT /api/admin/invitation-rewards':
    'the sampled body is `kind: none`, the setting a new shop has: it changes nothing',
  'POST /api/admin/commissions/{id}/release':
    'the sweep has no held commission: it answers `released: false` and changes nothing',
  'POST /api/admin/products/bulk':
    'the sampled body names a product that does not exist: it answers `not_found` and changes nothing',
  'POST /api/admin/simulations':
    'a what-if: it runs the incentive simulator and changes nothing in the shop (the run is listed with its author)',
  'POST /api/admin/recommendations/trainings':
    'asks for a retraining of the recommender: no shop data changes, and each training is listed on its own page',
};

/** A PATCH or PUT of no fields (every field optional) changes nothing, so records nothing. */
const changesNothing = (route: Route, body: unknown) =>
  (route.method === 'PATCH' || route.method === 'PUT') &&
  typeof body === 'object' &&
  body !== null &&
  Object.keys(body).length === 0;

let t: TestApp;
let admin: { token: string };
let routes: Route[];
const ids: Record<string, string> = {};

/** Path parameters filled with real objects where the sweep has one, so routes get past their 404. */
function urlOf(route: Route): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, param: string) => {
    if (param === 'slug') return 'tea';
    if (route.path.startsWith('/api/admin/products/')) return ids.product ?? 'x';
    if (route.path.startsWith('/api/admin/variants/')) return ids.variant ?? 'x';
    if (route.path.startsWith('/api/admin/coupons/')) return ids.coupon ?? 'x';
    if (route.path.startsWith('/api/admin/tasks/')) return ids.task ?? 'x';
    return 'unknown-id';
  });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  routes = (await documentedRoutes(t)).filter(
    (r) => r.path.startsWith('/api/admin/') && r.method !== 'GET' && !r.path.startsWith('/api/admin/audit'),
  );
  const { product, variantId } = await createProduct(t, { price: 5000, stock: 20 });
  ids.product = product.id;
  ids.variant = variantId;
  const coupon = await t.request('POST', '/api/admin/coupons', {
    token: admin.token,
    body: { title: 'Sweep', kind: 'amount_off', amountOff: 100 },
  });
  ids.coupon = coupon.json<{ id: string }>().id;
  const task = await t.request('GET', '/api/admin/tasks', { token: admin.token });
  ids.task = task.json<Page<{ id: string }>>().items[0]?.id ?? 'x';
});
afterAll(() => t.close());

describe('the audit sweep', () => {
  it('finds an entry with the request id of every operator change that succeeded', async () => {
    const succeeded: string[] = [];
    const unrecorded: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const schema = BODY_METHODS.has(route.method) ? bodySchemaOf(route.operation) : undefined;
      const body = BODY_METHODS.has(route.method)
        ? schema
          ? sample(schema, { variantId: ids.variant, productId: ids.product })
          : {}
        : undefined;
      const res = await t.request(route.method, urlOf(route), { token: admin.token, body });
      if (res.statusCode >= 300) continue;
      succeeded.push(key);
      if (RECORDS_NOTHING[key] || changesNothing(route, body)) continue;
      const requestId = String(res.headers['x-request-id']);
      const log = await t.request('GET', '/api/admin/audit?limit=100', { token: admin.token });
      const found = log.json<Page<{ requestId: string }>>().items.some((e) => e.requestId === requestId);
      if (!found) unrecorded.push(`${key} → ${res.statusCode}`);
    }
    expect(unrecorded, 'operator changes without an audit entry').toEqual([]);
    // The sweep reaches far enough to mean something.
    expect(succeeded.length, succeeded.join('\n')).toBeGreaterThanOrEqual(12);
  });
});
