import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BODY_METHODS,
  bodySchemaOf,
  documentedRoutes,
  firstOf,
  type JsonSchema,
  type Route,
  sample,
} from '../support/openapi.js';
import { errorPaths, expectProblem } from '../support/problem.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * "Bad input never yields a 5xx" (API.md), checked for every route the OpenAPI document lists, so
 * routes added later are swept too: hostile bodies on every POST/PUT/PATCH, hostile path and
 * query parameters on every route, each sent as an administrator and as a buyer.
 */

// Values that break naive code: NUL (PostgreSQL refuses it), a lone surrogate, bidi and
// zero-width characters, astral characters, and a long string.
const JUNK_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e\u200b\ufeff',
  '𝕏🧨‍',
  'ي'.repeat(300),
  'x'.repeat(20_000),
];
// Instants that Date holds but PostgreSQL cannot store: year 0 does not exist, and Date's last
// instant has an expanded year. Both once reached SQL and failed there as a 500.
const EDGE_INSTANTS = ['0000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z'];
const JUNK_NUMBERS = [1e308, -1e308, 2 ** 53 + 1, -1, 0.5, Number.MIN_VALUE];
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Whole bodies that no route accepts, as raw JSON text. */
const RAW_BODIES = [
  'null',
  '[]',
  '"string"',
  '0',
  'true',
  '1e400',
  '{"amount":1e400,"price":-1e400}',
  nested(5_000),
  `[${'['.repeat(5_000)}${']'.repeat(5_000)}]`,
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  JSON.stringify({ '\u0000': 1, '\ud800': 'x', [`k${'y'.repeat(5000)}`]: null }),
];

/** Real ids for fields that name them, so a body gets past "no such variant" to its other fields. */
const KNOWN: Record<string, string> = {};

/** The sample with the value at `path` replaced. */
function replaced(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return [
      path,
      ...entries.flatMap(([k, v]) => leafPaths(v, [...path, Array.isArray(value) ? Number(k) : k])),
    ];
  }
  return [path];
}

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { length: 1 };
  if (value !== null && typeof value === 'object') return [value];
  return 'surprise';
}

/** Bodies derived from the route's schema: each field in turn replaced by something hostile. */
function schemaBodies(schema: JsonSchema | undefined): unknown[] {
  if (!schema) return [{ unexpected: '\u0000' }];
  const base = sample(schema, KNOWN);
  const bodies: unknown[] = [base, { ...(base as object), unexpectedKey: true }];
  for (const path of leafPaths(base)) {
    if (path.length === 0) continue;
    const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base);
    bodies.push(replaced(base, path, wrongTypeFor(current)), replaced(base, path, null));
    const junk = typeof current === 'number' ? JUNK_NUMBERS : typeof current === 'string' ? JUNK_STRINGS : [];
    for (const value of junk) bodies.push(replaced(base, path, value));
  }
  // Optional instants (campaign windows) are not in the sample: set each one to an edge instant.
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if ((firstOf(child) ?? child).format !== 'date-time') continue;
    for (const instant of EDGE_INSTANTS) bodies.push({ ...(base as object), [name]: instant });
  }
  return bodies;
}

const PARAM_JUNK = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E2%80%AE',
  'x'.repeat(3000),
  '..%2F..%2Fetc',
  '-1',
  '1e400',
  '%27%3B--',
];

let t: TestApp;
let routes: Route[];
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.signInAdmin();
  const created = await t.request('POST', '/api/admin/products', {
    token: admin.token,
    body: { title: 'Sweep', variants: [{ sku: 'SWEEP-1', price: 100, stock: 5 }] },
  });
  productId = created.json<{ id: string }>().id;
  KNOWN.variantId = created.json<{ variants: { id: string }[] }>().variants[0]?.id ?? '';
  KNOWN.productId = productId;
  routes = await documentedRoutes(t);
});
afterAll(() => t.close());

/** Fresh sessions for each route: a sweep of POST /api/auth/logout revokes the one it uses. */
async function callers() {
  return { admin: (await t.signInAdmin()).token, buyer: (await t.signUp()).token };
}

const fillPath = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

function expectNoServerError(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  what: string,
) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400 && !what.startsWith('GET /health')) {
    expect(res.headers['content-type'], `${what} → ${res.statusCode} is not problem+json`).toMatch(
      /^application\/problem\+json/,
    );
  }
}

// The sweeps send thousands of requests and grow with the API: their limit guards against a hang,
// it does not time them (a loaded machine takes minutes).
const SWEEP_TIMEOUT = 600_000;

describe('bad input never yields a 5xx', () => {
  it('finds the routes to sweep in the OpenAPI document', () => {
    const bodyRoutes = routes.filter((r) => BODY_METHODS.has(r.method)).map((r) => `${r.method} ${r.path}`);
    expect(bodyRoutes).toEqual(
      expect.arrayContaining([
        'POST /api/auth/register',
        'POST /api/admin/products',
        'PATCH /api/admin/products/{id}',
      ]),
    );
  });

  it(
    'on every POST, PUT and PATCH body, as admin and as buyer',
    async () => {
      for (const route of routes.filter((r) => BODY_METHODS.has(r.method))) {
        const url = fillPath(route.path, productId);
        const schema = bodySchemaOf(route.operation);
        const raw = RAW_BODIES.map((body) => ({ body, headers: { 'content-type': 'application/json' } }));
        const derived = schemaBodies(schema).map((body) => ({ body, headers: {} }));
        const { admin, buyer } = await callers();
        for (const token of [admin, buyer]) {
          for (const { body, headers } of [...raw, ...derived]) {
            const res = await t.request(route.method, url, { token, body, headers });
            expectNoServerError(res, `${route.method} ${url} ${JSON.stringify(body).slice(0, 120)}`);
          }
        }
      }
    },
    SWEEP_TIMEOUT,
  );

  it(
    'on every path and query parameter, as admin and as buyer',
    async () => {
      for (const route of routes) {
        const { admin, buyer } = await callers();
        const queryNames = (route.operation.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => p.name);
        for (const junk of PARAM_JUNK) {
          const urls = [
            ...(route.path.includes('{') ? [fillPath(route.path, junk)] : []),
            ...queryNames.map((name) => `${fillPath(route.path, productId)}?${name}=${junk}`),
            ...queryNames.map((name) => `${fillPath(route.path, productId)}?${name}=1&${name}=2`),
          ];
          for (const url of urls) {
            for (const token of [admin, buyer, undefined]) {
              const body = BODY_METHODS.has(route.method) ? {} : undefined;
              const res = await t.request(route.method, url, { token, body });
              expectNoServerError(res, `${route.method} ${url.slice(0, 200)}`);
            }
          }
        }
      }
    },
    SWEEP_TIMEOUT,
  );

  it('names the field holding U+0000, which PostgreSQL cannot store', async () => {
    const body = { email: 'nul@example.com', password: 'long enough', name: 'A\u0000B' };
    const res = await t.request('POST', '/api/auth/register', { body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: '/name' }] });
    const query = await t.request('GET', '/api/products?q=a%00');
    expect(query.json()).toMatchObject({ status: 400, errors: [{ path: '/querystring/q' }] });
  });

  it(
    'on forged cursors of every list, as admin and as buyer',
    async () => {
      const forge = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const cursors = [
        forge(['garbage', 'x']),
        forge(['2026-06-30T23:59:60Z', 'x']),
        forge(['2026-01-01T00:00:00Z']),
        forge([1, 2]),
        ...EDGE_INSTANTS.map((instant) => forge([instant, 'x'])),
        forge([]),
        forge({ id: 'x' }),
      ];
      const lists = routes.filter(
        (r) =>
          r.method === 'GET' &&
          (r.operation.parameters ?? []).some((p) => p.in === 'query' && p.name === 'cursor'),
      );
      expect(lists.map((r) => r.path)).toEqual(
        expect.arrayContaining(['/api/coupons', '/api/me/share-links']),
      );
      const { admin, buyer } = await callers();
      for (const route of lists) {
        for (const cursor of cursors) {
          const url = `${fillPath(route.path, productId)}?cursor=${cursor}`;
          for (const token of [admin, buyer])
            expectNoServerError(await t.request('GET', url, { token }), `GET ${url}`);
        }
      }
    },
    SWEEP_TIMEOUT,
  );

  it('on attribution and device cookies that the server never issued', async () => {
    const product = await t.request('GET', `/api/products/${productId}`);
    const variantId = product.json<{ variants: { id: string }[] }>().variants[0]?.id;
    const { buyer } = await callers();
    for (const cookie of [
      'fission_ref=%00',
      'fission_device=%00',
      `fission_ref=${'x'.repeat(3000)}`,
      'fission_ref=a%00b',
    ]) {
      const res = await t.request('POST', '/api/orders', {
        token: buyer,
        body: { items: [{ variantId, quantity: 1 }] },
        headers: { cookie },
      });
      expectNoServerError(res, `POST /api/orders with ${cookie.slice(0, 40)}`);
    }
  });

  it('on malformed Authorization headers and cookies', async () => {
    const headers: Record<string, string>[] = [
      { authorization: 'Bearer \u0000' },
      { authorization: 'Bearer ' },
      { authorization: `Bearer ${'x'.repeat(8000)}` },
      { authorization: 'bearer lowercase' },
      { cookie: 'fission_session=%E0%A4%A' },
      { cookie: `fission_session=${'%00'.repeat(10)}` },
    ];
    for (const header of headers) {
      const res = await t.request('GET', '/api/me', { headers: header });
      expectNoServerError(res, `GET /api/me ${JSON.stringify(header).slice(0, 80)}`);
    }
  });

  it('answers 400 naming the cursor when a forged time cursor is dated year 0000 or +275760', async () => {
    const forge = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const { admin, buyer } = await callers();
    for (const instant of EDGE_INSTANTS) {
      const cursor = forge([instant, 'x']);
      for (const [url, token] of [
        [`/api/coupons?cursor=${cursor}`, buyer],
        [`/api/me/coupons?cursor=${cursor}`, buyer],
        [`/api/admin/coupons?cursor=${cursor}`, admin],
      ] as const) {
        const problem = expectProblem(await t.request('GET', url, { token }), 400);
        expect(errorPaths(problem), `${url} (${instant})`).toEqual(['/query/cursor']);
      }
    }
  });

  it('answers 400 naming the field for coupon and group-buy windows dated year 0000 or +275760', async () => {
    const { admin } = await callers();
    const coupon = (
      await t.request('POST', '/api/admin/coupons', {
        token: admin,
        body: { title: 'Edge', kind: 'amount_off', amountOff: 100 },
      })
    ).json<{ id: string }>();
    const campaign = (
      await t.request('POST', '/api/admin/group-buys', {
        token: admin,
        body: { variantId: KNOWN.variantId, groupSize: 2, price: 50, durationMinutes: 60 },
      })
    ).json<{ id: string }>();
    for (const instant of EDGE_INSTANTS) {
      for (const field of ['startsAt', 'endsAt']) {
        const requests = [
          [
            'POST',
            '/api/admin/coupons',
            { title: 'Edge', kind: 'amount_off', amountOff: 100, [field]: instant },
          ],
          ['PATCH', `/api/admin/coupons/${coupon.id}`, { [field]: instant }],
          [
            'POST',
            '/api/admin/group-buys',
            { variantId: KNOWN.variantId, groupSize: 2, price: 50, durationMinutes: 60, [field]: instant },
          ],
          ['PATCH', `/api/admin/group-buys/${campaign.id}`, { [field]: instant }],
        ] as const;
        for (const [method, url, body] of requests) {
          const problem = expectProblem(await t.request(method, url, { token: admin, body }), 400);
          expect(new Set(errorPaths(problem)), `${method} ${url} ${field}=${instant}`).toEqual(
            new Set([`/${field}`]),
          );
        }
      }
    }
  });
});
