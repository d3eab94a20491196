import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBuySteps } from '../../src/modules/groupbuy/test-steps.js';
import { maskName } from '../../src/platform/privacy.js';
import { createProduct } from '../support/shop.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Regression for issue 20: every response that names another person who did not choose to be
 * public (group members and leaders, customers, team members, invitees) carries a masked name and
 * an avatar initial, never the person's id or full name — to anonymous visitors and to other
 * signed-in people alike. The operator's endpoints keep full names.
 */
let t: TestApp;
let gb: ReturnType<typeof groupBuySteps>;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let leader: Person; // "Chen Jie": opens the group, invites the member
let member: Person; // "陈杰": joins the group, buys through the leader's store
let stranger: Person;
let groupId: string;
let campaignId: string;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  gb = groupBuySteps(t);
  leader = await t.signUp({ name: 'Chen Jie' });
  member = await t.signUp({ name: '陈杰', inviteCode: leader.user.inviteCode });
  stranger = await t.signUp({ name: 'Stranger Danger' });
  expect((await t.request('POST', '/api/shopkeepers', { token: leader.token })).statusCode).toBe(201);
  const store = await t.request('POST', '/api/stores', {
    token: leader.token,
    body: { name: 'Chen’s tea corner', slug: 'chens-tea' },
  });
  expect(store.statusCode).toBe(201);
  await t.request('PUT', '/api/admin/invitation-rewards', {
    token: await gb.admin(),
    body: { kind: 'points', points: 100 },
  });

  const { campaign, variantId, product } = await gb.createCampaign({ groupSize: 3 });
  campaignId = campaign.id;
  productId = product.id;
  const opened = await gb.joinAndPay(leader.token, variantId, { campaignId });
  groupId = opened.groupBuy!.groupId;
  await gb.joinAndPay(member.token, variantId, { campaignId, groupId });
  // A store purchase binds the member to the leader as a customer (and pays the invitation reward).
  const { variantId: tea } = await createProduct(t, { price: 5000, stock: 10 });
  const placed = await t.request('POST', '/api/orders', {
    token: member.token,
    body: { items: [{ variantId: tea, quantity: 1 }], storeSlug: 'chens-tea' },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const paid = await t.request('POST', `/api/payments/sandbox/${placed.json().id}/succeed`, {
    token: member.token,
  });
  expect(paid.statusCode).toBe(200);
  // The invitation reward is a deferred reaction: a job queued with the payment.
  await t.jobs.runDue();
});
afterAll(() => t.close());

/** The whole answer, with any cursor decoded: nothing in it may name these people in full or by id. */
function exposed(body: unknown): string {
  const text = JSON.stringify(body);
  const cursors = [...text.matchAll(/"nextCursor":"([^"]+)"/g)].map((m) =>
    Buffer.from(m[1] as string, 'base64url').toString('utf8'),
  );
  return [text, ...cursors].join('\n');
}

function expectPrivate(body: unknown, ...people: Person[]) {
  const text = exposed(body);
  for (const p of people) {
    expect(text).not.toContain(p.user.id);
    expect(text).not.toContain(p.user.name);
    expect(text).not.toContain(p.user.email);
  }
}

const get = async (url: string, token?: string) => {
  const res = await t.request('GET', url, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('group pages', () => {
  it.each([
    ['anonymous', undefined],
    ['another signed-in person', () => stranger.token],
  ])('show members to %s by masked name and initial, never by id', async (_who, token) => {
    const group = await get(`/api/group-buys/${groupId}`, token?.());
    expectPrivate(group, leader, member);
    expect(group.leader).toEqual({ name: 'Chen J.', initial: 'C', you: false });
    expect(group.members).toEqual([
      { name: 'Chen J.', initial: 'C', you: false, leader: true, joinedAt: expect.any(String) },
      { name: '陈*', initial: '陈', you: false, leader: false, joinedAt: expect.any(String) },
    ]);
  });

  it('tell a member which one they are, without ids', async () => {
    const group = await get(`/api/group-buys/${groupId}`, member.token);
    expectPrivate(group, leader, member);
    expect(group.members.map((m: { you: boolean }) => m.you)).toEqual([false, true]);
    expect(group.leader.you).toBe(false);
    expect((await get(`/api/group-buys/${groupId}`, leader.token)).leader.you).toBe(true);
  });

  it.each([
    ['anonymous', undefined],
    ['another signed-in person', () => stranger.token],
  ])('list open groups to %s by their leader’s masked name', async (_who, token) => {
    const list = await get(`/api/group-buys?productId=${productId}`, token?.());
    expectPrivate(list, leader, member);
    expect(list.items[0].openGroups[0].leader).toEqual({ name: 'Chen J.', initial: 'C', you: false });
    const campaign = await get(`/api/group-buys/campaigns/${campaignId}`, token?.());
    expectPrivate(campaign, leader, member);
    expect(campaign.openGroups[0].leader.name).toBe('Chen J.');
    expect(
      (await get(`/api/group-buys/campaigns/${campaignId}`, leader.token)).openGroups[0].leader.you,
    ).toBe(true);
  });

  it('my group buys show the other members masked', async () => {
    const mine = await get('/api/me/group-buys', member.token);
    expectPrivate(mine, leader);
    expect(mine.items[0].group.leader).toEqual({ name: 'Chen J.', initial: 'C', you: false });
  });

  it('the operator’s own endpoint shows full names', async () => {
    const done = await t.request('POST', `/api/admin/group-buys/groups/${groupId}/complete`, {
      token: await gb.admin(),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().members.map((m: { name: string }) => m.name)).toEqual(['Chen Jie', '陈杰']);
    expect(exposed(done.json())).not.toContain(member.user.id);
  });
});

describe('a promoter’s people', () => {
  it('customers are listed by masked name and initial, never by id (also not inside the cursor)', async () => {
    const page = await get('/api/me/customers?limit=1', leader.token);
    expectPrivate(page, member);
    expect(page.items).toEqual([
      expect.objectContaining({ name: '陈*', initial: '陈', origin: { type: 'store', ref: 'chens-tea' } }),
    ]);
    expect(page.items[0]).not.toHaveProperty('id');
  });

  it('team members likewise', async () => {
    const page = await get('/api/me/team?limit=1', leader.token);
    expectPrivate(page, member);
    expect(page.items).toEqual([expect.objectContaining({ name: '陈*', initial: '陈' })]);
    expect(page.items[0]).not.toHaveProperty('id');
  });

  it('pages through customers and team without ids in the cursor', async () => {
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      const p = await t.signUp({ name, inviteCode: leader.user.inviteCode });
      const { variantId } = await createProduct(t, { price: 3000, stock: 5 });
      const placed = await t.request('POST', '/api/orders', {
        token: p.token,
        body: { items: [{ variantId, quantity: 1 }], storeSlug: 'chens-tea' },
      });
      await t.request('POST', `/api/payments/sandbox/${placed.json().id}/succeed`, { token: p.token });
    }
    for (const list of ['customers', 'team']) {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(`/api/me/${list}?limit=1${cursor ? `&cursor=${cursor}` : ''}`, leader.token);
        expectPrivate(page, member);
        names.push(...page.items.map((i: { name: string }) => i.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names.sort()).toEqual(['Ada L.', 'Grace H.', '陈*'].sort());
    }
    const forged = await t.request(
      'GET',
      `/api/me/customers?cursor=${Buffer.from('["x"]').toString('base64url')}`,
      {
        token: leader.token,
      },
    );
    expect(forged.statusCode).toBe(400);
  });

  it('invitees on my invitation rewards are masked', async () => {
    const rewards = await get('/api/me/invitation-rewards', leader.token);
    expectPrivate(rewards, member);
    expect(rewards.items.map((r: { invitee: unknown }) => r.invitee)).toContainEqual({
      name: '陈*',
      initial: '陈',
    });
  });
});

describe('people who publish', () => {
  it('a store page shows its owner under the name they chose', async () => {
    const page = await get('/api/stores/chens-tea');
    expect(page.name).toBe('Chen’s tea corner');
    expect(page.owner.name).toBe('Chen Jie');
  });
});

it('maskName is what the pages use', () => {
  expect(maskName(leader.user.name)).toBe('Chen J.');
});
