import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Simulation, SimulationInput } from './schemas.js';

/** API.md, Analytics (operator): POST /api/admin/simulations → 202 { id }; GET → status, progress, result. */
let t: TestApp;
let admin: string;
let buyer: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
  buyer = (await t.signUp()).token;
});
afterAll(() => t.close());

const body: SimulationInput = {
  scheme: {
    name: 'A',
    commissionBps: [1000, 500],
    groupBuy: { size: 2, discountBps: 1000 },
    invitationReward: 500,
    coupon: { amountOff: 1000, minSpend: 5000 },
    policyProfile: 'default',
  },
  population: {
    kind: 'synthetic',
    people: 5000,
    degree: 'power-law',
    meanDegree: 6,
    seedCustomers: 20,
    shareRate: 3000,
    visitRate: 3000,
    orderRate: 2000,
    repeatRate: 500,
    averageOrderValue: 9900,
    marginBps: 3500,
  },
  weeks: 6,
  runs: 20,
  seed: 11,
};

const start = (b: unknown, token = admin) => t.request('POST', '/api/admin/simulations', { token, body: b });
const read = async (id: string) =>
  (await t.request('GET', `/api/admin/simulations/${id}`, { token: admin })).json<Simulation>();

async function untilFinished(id: string): Promise<Simulation> {
  for (;;) {
    const sim = await read(id);
    if (sim.status !== 'running') return sim;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('POST /api/admin/simulations', () => {
  it('answers 202 with an id at once, then the result, the same for the same seed', async () => {
    const res = await start(body);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    const first = await read(id);
    expect(first).toMatchObject({ id, weeks: 6, runs: 20, seed: 11 });
    expect(['running', 'done']).toContain(first.status);
    const done = await untilFinished(id);
    expect(done).toMatchObject({ status: 'done', progress: 1, failure: null });
    expect(done.result?.weeks).toHaveLength(6);
    expect(done.result?.totals.newCustomers.mean).toBeGreaterThan(0);

    const again = await untilFinished((await start(body)).json<{ id: string }>().id);
    expect(again.result).toEqual(done.result);
    const other = await untilFinished((await start({ ...body, seed: 12 })).json<{ id: string }>().id);
    expect(other.result?.totals.gmv.mean).not.toBe(done.result?.totals.gmv.mean);
  });

  it('warns when the scheme goes beyond the policy profile', async () => {
    const scheme = { ...body.scheme, commissionBps: [1000, 500, 300], policyProfile: 'cn-strict' };
    const sim = await untilFinished((await start({ ...body, scheme })).json<{ id: string }>().id);
    expect(sim.result?.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['levels_beyond_policy', 'policy_forbids']),
    );
  });

  it.each([
    [
      'a rate above 100 %',
      { scheme: { ...body.scheme, commissionBps: [10_001] } },
      '/scheme/commissionBps/0',
    ],
    ['four levels', { scheme: { ...body.scheme, commissionBps: [1, 1, 1, 1] } }, '/scheme/commissionBps'],
    ['no weeks', { weeks: 0 }, '/weeks'],
    ['53 weeks', { weeks: 53 }, '/weeks'],
    ['1001 runs', { runs: 1001 }, '/runs'],
    ['a fractional seed', { seed: 1.5 }, '/seed'],
    ['too few people', { population: { ...body.population, people: 5 } }, '/population/people'],
    ['an unknown profile', { scheme: { ...body.scheme, policyProfile: 'mars' } }, '/scheme/policyProfile'],
    ['an unknown key', { extra: 1 }, ''],
  ])('refuses %s with 400', async (_, change, path) => {
    const problem = expectProblem(await start({ ...body, ...change }), 400);
    expect(problem.reason).toBe('invalid_input');
    expect(problem.errors?.map((e) => e.path).join(' ')).toContain(path);
  });

  it.each([
    [
      'payout above the order',
      { scheme: { ...body.scheme, commissionBps: [6000, 3000], groupBuy: { size: 2, discountBps: 2000 } } },
      'simulation_payout_over_order',
      { totalBps: 11_000 },
    ],
    [
      'more seeds than half the people',
      { population: { ...body.population, people: 100, seedCustomers: 51 } },
      'simulation_too_many_seeds',
      { max: 50 },
    ],
    [
      'too much work',
      { population: { ...body.population, people: 2_000_000 }, runs: 100 },
      'simulation_too_large',
      { maxPersonRuns: 100_000_000 },
    ],
  ])('refuses %s with its reason', async (_, change, reason, params) => {
    const problem = expectProblem(await start({ ...body, ...change }), 400);
    expect(problem).toMatchObject({ reason, params });
  });
});

describe('cancel and list', () => {
  it('cancels a running simulation: failed, cancelled; twice is harmless; a done one is a 409', async () => {
    const big = { ...body, population: { ...body.population, people: 400_000 }, runs: 200 };
    const { id } = (await start(big)).json<{ id: string }>();
    const res = await t.request('POST', `/api/admin/simulations/${id}/cancel`, { token: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Simulation>()).toMatchObject({ status: 'failed', failure: 'cancelled', result: null });
    const twice = await t.request('POST', `/api/admin/simulations/${id}/cancel`, { token: admin });
    expect(twice.json<Simulation>().failure).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await read(id)).status).toBe('failed');

    const done = await untilFinished((await start(body)).json<{ id: string }>().id);
    const late = await t.request('POST', `/api/admin/simulations/${done.id}/cancel`, { token: admin });
    expect(expectProblem(late, 409).reason).toBe('simulation_finished');
  });

  it('lists simulations newest first without their results, paged', async () => {
    const page = await t.request('GET', '/api/admin/simulations?limit=2', { token: admin });
    expect(page.statusCode).toBe(200);
    const { items, nextCursor } = page.json<{ items: Simulation[]; nextCursor: string | null }>();
    expect(items).toHaveLength(2);
    expect((items[0]?.id ?? '') > (items[1]?.id ?? '')).toBe(true);
    expect(items[0]).not.toHaveProperty('result');
    const next = await t.request('GET', `/api/admin/simulations?limit=2&cursor=${nextCursor}`, {
      token: admin,
    });
    expect((next.json<{ items: Simulation[] }>().items[0]?.id ?? '~') < (items[1]?.id ?? '')).toBe(true);
  });

  it('reports a run whose server stopped writing as failed (lost), without touching the row', async () => {
    // An id older than any other here (ids sort by time), so the newest-first lists below are not affected.
    const id = `00000000-0000-7000-8000-${String(Date.now()).padStart(12, '0')}`;
    const hourAgo = new Date(t.clock.now().getTime() - 3_600_000);
    await t.db.query(
      `INSERT INTO simulations (id, input, created_at, heartbeat_at, progress) VALUES ($1, $2, $3, $3, 0.4)`,
      [id, JSON.stringify(body), hourAgo],
    );
    expect(await read(id)).toMatchObject({ status: 'failed', failure: 'lost', progress: 0.4, result: null });
    const [row] = await t.db.query<{ status: string }>('SELECT status FROM simulations WHERE id = $1', [id]);
    expect(row?.status).toBe('running');
  });

  it('answers 404 for an unknown simulation', async () => {
    const res = await t.request('GET', '/api/admin/simulations/nope', { token: admin });
    expectProblem(res, 404);
    expectProblem(await t.request('POST', '/api/admin/simulations/nope/cancel', { token: admin }), 404);
  });
});

describe('the demo shop’s comparison', () => {
  it('is computed in place and stored done, readable like any other', async () => {
    const { demoSchemes, seedDemoSimulations } = await import('../../demo/simulations.js');
    const { user } = await t.signInAdmin();
    await expect(seedDemoSimulations(t.services, user.id)).resolves.toEqual({ simulations: 2 });
    const list = await t.request('GET', '/api/admin/simulations?limit=2', { token: admin });
    const { items } = list.json<{ items: Simulation[] }>();
    expect(items.map((s) => s.scheme.name)).toEqual(demoSchemes.map((s) => s.name).reverse());
    const b = await read(items[0]?.id ?? '');
    expect(b).toMatchObject({ status: 'done', progress: 1 });
    // Scheme B pays three levels under cn-strict.
    expect(b.result?.warnings.map((w) => w.code)).toContain('levels_beyond_policy');
  });
});

describe('who may simulate', () => {
  it('refuses every route to a non-admin (403) and to nobody (401)', async () => {
    const { id } = (await start(body)).json<{ id: string }>();
    const routes: ['GET' | 'POST', string, unknown?][] = [
      ['POST', '/api/admin/simulations', body],
      ['GET', '/api/admin/simulations'],
      ['GET', `/api/admin/simulations/${id}`],
      ['POST', `/api/admin/simulations/${id}/cancel`],
    ];
    for (const [method, url, payload] of routes) {
      expectProblem(await t.request(method, url, { token: buyer, body: payload }), 403);
      expectProblem(await t.request(method, url, { body: payload }), 401);
    }
    await untilFinished(id);
  });
});
