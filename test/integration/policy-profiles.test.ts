import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { expectProblem } from '../support/problem.js';
import { createProduct, expectLedgerSound } from '../support/shop.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Market policy profiles (POLICY_PROFILE): one database, served first under the default profile and
 * then by servers started with another profile, as an operator switching profiles would. Features a
 * profile forbids answer 422 `policy_forbids`; what was made before the switch stays as it was.
 */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let grand: Person;
let parent: Person;
let promoter: Person;
const others: TestApp[] = [];

/** Another server on the same database, started with `profile`. */
async function serverWith(profile: string): Promise<TestApp> {
  const other = await createTestApp({ POLICY_PROFILE: profile }, t.db);
  others.push(other);
  return other;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
  grand = await t.signUp({ name: 'Grand' });
  parent = await t.signUp({ name: 'Parent', inviteCode: grand.user.inviteCode });
  promoter = await t.signUp({ name: 'Promoter', inviteCode: parent.user.inviteCode });
  expect((await t.request('POST', '/api/shopkeepers', { token: promoter.token })).statusCode).toBe(201);
  const store = await t.request('POST', '/api/stores', {
    token: promoter.token,
    body: { name: 'Policy corner', slug: 'policy-corner' },
  });
  expect(store.statusCode, store.body).toBe(201);
  // 38% over three levels under a 50% cap: more than cn-strict allows, in depth and in total.
  const saved = await t.request('PUT', '/api/admin/distribution/settings', {
    token: admin,
    body: { maxLevels: 3, ratesBps: [2500, 1000, 300], capBps: 5000 },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(async () => {
  for (const other of others) {
    await other.app.close();
    await other.jobs.stop();
  }
  await t.close();
});

async function buyThroughStore(app: TestApp, buyer: Person) {
  const { variantId } = await createProduct(app, { price: 10_000, stock: 10 });
  const placed = await app.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: 'policy-corner' },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const paid = await app.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
    token: buyer.token,
  });
  expect(paid.statusCode, paid.body).toBe(200);
  return paid.json<Order>();
}

async function commissionsOn(app: TestApp, orderId: string) {
  const all = await Promise.all(
    [promoter, parent, grand].map(
      async (person) =>
        (await app.request('GET', '/api/me/commissions', { token: person.token })).json<{
          items: { orderId: string; level: number; amount: number }[];
        }>().items,
    ),
  );
  return all
    .flat()
    .filter((c) => c.orderId === orderId)
    .map((c) => [c.level, c.amount])
    .sort();
}

describe('cn-strict: commission depth and total payout', () => {
  it('pays new orders two levels within 30%, keeps earlier commissions, and refuses deeper settings', async () => {
    const before = await buyThroughStore(t, await t.signUp());
    expect(await commissionsOn(t, before.id)).toEqual([
      [1, 2500],
      [2, 1000],
      [3, 300],
    ]);

    const strict = await serverWith('cn-strict');
    const after = await buyThroughStore(strict, await strict.signUp());
    // Two levels; 3,500 trimmed to the 3,000 cap from the deepest level up.
    expect(await commissionsOn(strict, after.id)).toEqual([
      [1, 2500],
      [2, 500],
    ]);
    // The order made before the switch keeps its three commissions.
    expect(await commissionsOn(strict, before.id)).toHaveLength(3);
    expect((await strict.request('GET', '/api/config')).json()).toMatchObject({
      distribution: { maxLevels: 2, rates: [2500, 1000] },
      policy: { profile: 'cn-strict', rules: { maxCommissionLevels: 2, payoutCapBps: 3000 } },
    });

    const strictAdmin = (await strict.signInAdmin()).token;
    for (const [body, rule] of [
      [{ maxLevels: 3, ratesBps: [100, 100, 100] }, 'maxCommissionLevels'],
      [{ capBps: 5000 }, 'payoutCapBps'],
    ] as const) {
      const refused = await strict.request('PUT', '/api/admin/distribution/settings', {
        token: strictAdmin,
        body,
      });
      expect(expectProblem(refused, 422)).toMatchObject({
        reason: 'policy_forbids',
        params: { profile: 'cn-strict', rule },
      });
    }
    // The operator's own settings stay saved: a switch back restores them.
    expect((await t.request('GET', '/api/config')).json()).toMatchObject({ distribution: { maxLevels: 3 } });
    await expectLedgerSound(strict);
  });
});

describe('wechat: rewards for friends’ help, share-to-unlock, paid sharing, pay for recruiting', () => {
  it('refuses each with 422 policy_forbids and hides what it would list; what exists stays readable', async () => {
    // Made under the default profile.
    const { variantId } = await createProduct(t, { price: 10_000, stock: 10 });
    const campaign = await t.request('POST', '/api/admin/bargains', {
      token: admin,
      body: { variantId, floorPrice: 5_000, helpersNeeded: 2, durationMinutes: 60 },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json<{ id: string }>().id;
    const starter = await t.signUp();
    const bargain = await t.request('POST', '/api/bargains', { token: starter.token, body: { campaignId } });
    expect(bargain.statusCode, bargain.body).toBe(201);
    const bargainId = bargain.json<{ id: string }>().id;
    const unlock = await t.request('POST', '/api/admin/coupons', {
      token: admin,
      body: { title: 'Share for 5 off', kind: 'amount_off', amountOff: 500, shareToUnlock: 1 },
    });
    expect(unlock.statusCode, unlock.body).toBe(201);
    const unlockId = unlock.json<{ id: string }>().id;

    const wechat = await serverWith('wechat');
    const wAdmin = (await wechat.signInAdmin()).token;
    const friend = await wechat.signUp();
    const forbids = async (res: Parameters<typeof expectProblem>[0], rule: string) =>
      expect(expectProblem(res, 422)).toMatchObject({
        reason: 'policy_forbids',
        params: { profile: 'wechat', rule },
      });

    await forbids(
      await wechat.request('POST', '/api/admin/bargains', {
        token: wAdmin,
        body: { variantId, floorPrice: 5_000, helpersNeeded: 2, durationMinutes: 60 },
      }),
      'bargains',
    );
    await forbids(
      await wechat.request('POST', '/api/bargains', { token: friend.token, body: { campaignId } }),
      'bargains',
    );
    await forbids(
      await wechat.request('POST', `/api/bargains/${bargainId}/helps`, { token: friend.token }),
      'bargains',
    );
    await forbids(
      await wechat.request('POST', '/api/orders', {
        token: starter.token,
        body: { items: [{ variantId, quantity: 1 }], bargain: { bargainId } },
      }),
      'bargains',
    );
    expect((await wechat.request('GET', '/api/bargain-campaigns')).json()).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await wechat.request('GET', `/api/bargains/${bargainId}`)).statusCode).toBe(200);

    await forbids(
      await wechat.request('POST', '/api/admin/coupons', {
        token: wAdmin,
        body: { title: 'Share again', kind: 'amount_off', amountOff: 500, shareToUnlock: 2 },
      }),
      'shareToUnlock',
    );
    await forbids(
      await wechat.request('POST', `/api/coupons/${unlockId}/claim`, { token: friend.token }),
      'shareToUnlock',
    );
    const offers = (await wechat.request('GET', '/api/coupons')).json<{ items: { id: string }[] }>();
    expect(offers.items.map((o) => o.id)).not.toContain(unlockId);

    await forbids(
      await wechat.request('PUT', '/api/admin/invitation-rewards', {
        token: wAdmin,
        body: { kind: 'points', points: 100 },
      }),
      'recruitmentRewards',
    );
    expect(
      (
        await wechat.request('PUT', '/api/admin/invitation-rewards', {
          token: wAdmin,
          body: { kind: 'none' },
        })
      ).statusCode,
    ).toBe(200);
    const task = (kind: string) =>
      wechat.request('POST', '/api/admin/tasks', {
        token: wAdmin,
        body: { title: `A ${kind} task`, kind, target: 1, rewardPoints: 10, period: 'daily' },
      });
    await forbids(await task('share_products'), 'paidSharing');
    await forbids(await task('invite_friend'), 'recruitmentRewards');
    expect((await task('check_in')).statusCode).toBe(201);
  });
});

describe('GET /api/admin/policy', () => {
  it('shows the profile in force with the source of each rule, and every profile; admins only', async () => {
    const us = await serverWith('us-ftc');
    const overview = await us.request('GET', '/api/admin/policy', { token: (await us.signInAdmin()).token });
    expect(overview.statusCode, overview.body).toBe(200);
    const body = overview.json<{
      current: { name: string; rules: { disclosure: string | null }; sources: Record<string, string> };
      profiles: { name: string }[];
    }>();
    expect(body.current.name).toBe('us-ftc');
    expect(body.current.rules.disclosure).toMatch(/commission/);
    expect(body.current.sources.disclosure).toMatch(/16 CFR/);
    expect(body.profiles.map((p) => p.name)).toEqual(['default', 'wechat', 'cn-strict', 'us-ftc', 'eu']);
    const buyer = await us.signUp();
    expectProblem(await us.request('GET', '/api/admin/policy', { token: buyer.token }), 403);
    expectProblem(await us.request('GET', '/api/admin/policy'), 401);
  });
});
