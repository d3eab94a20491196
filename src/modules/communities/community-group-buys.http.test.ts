import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Campaign, Group, PublicCampaign } from '../groupbuy/schemas.js';
import type { Order } from '../orders/index.js';
import type { Community } from './schemas.js';

/**
 * Community group buys: a campaign limited to one community is filled by its members, who collect
 * at its pickup point; it is listed on the community's page, not among everyone's campaigns.
 */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

async function community(): Promise<{ leader: Person; community: Community }> {
  const leader = await t.signUp({ name: 'Leader Li' });
  expect((await t.request('POST', '/api/leaders', { token: leader.token })).statusCode).toBe(201);
  const res = await t.request('POST', '/api/communities', {
    token: leader.token,
    body: { name: 'Sunny Garden', pickupPoint: { name: 'Gate 2 kiosk', address: '88 Wensan Road' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { leader, community: res.json<Community>() };
}

async function neighbour(communityId: string): Promise<Person> {
  const person = await t.signUp({ name: 'Neighbour Wang' });
  const joined = await t.request('POST', `/api/communities/${communityId}/members`, { token: person.token });
  expect(joined.statusCode, joined.body).toBe(200);
  return person;
}

async function campaign(body: Record<string, unknown> = {}) {
  const { product, variantId } = await createProduct(t, { price: 4900, stock: 20 });
  const res = await t.request('POST', '/api/admin/group-buys', {
    token: admin,
    body: { variantId, groupSize: 2, price: 2900, durationMinutes: 60, ...body },
  });
  return { res, product, variantId };
}

async function communityCampaign(communityId: string) {
  const created = await campaign({ communityId });
  expect(created.res.statusCode, created.res.body).toBe(201);
  return { ...created, campaign: created.res.json<Campaign>() };
}

const groupOrder = (
  person: Person,
  variantId: string,
  groupBuy: { campaignId: string; groupId?: string },
  pickupAt?: string,
) =>
  t.request('POST', '/api/orders', {
    token: person.token,
    body: {
      items: [{ variantId, quantity: 1 }],
      groupBuy,
      ...(pickupAt ? { pickup: { communityId: pickupAt } } : {}),
    },
  });

async function pay(person: Person, orderId: string): Promise<Order> {
  const res = await t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Order>();
}

const listed = async (query: string) =>
  (await t.request('GET', `/api/group-buys${query}`))
    .json<{ items: PublicCampaign[] }>()
    .items.map((c) => c.id);

describe('community group buys', () => {
  it('the operator limits a campaign to a community: 404 for an unknown one, and it cannot be changed later', async () => {
    const { community: c } = await community();
    const { campaign: created } = await communityCampaign(c.id);
    expect(created.communityId).toBe(c.id);
    expectProblem((await campaign({ communityId: 'no-such-community' })).res, 404);
    const open = await campaign();
    expect(open.res.json<Campaign>().communityId).toBeNull();
    const patched = await t.request('PATCH', `/api/admin/group-buys/${created.id}`, {
      token: admin,
      body: { communityId: null },
    });
    expectProblem(patched, 400);
    const adminList = (await t.request('GET', '/api/admin/group-buys', { token: admin })).json<{
      items: Campaign[];
    }>();
    expect(adminList.items.find((i) => i.id === created.id)?.communityId).toBe(c.id);
  });

  it('is listed on its community’s page only, not among everyone’s campaigns or the product’s', async () => {
    const { community: c } = await community();
    const { community: other } = await community();
    const { campaign: mine, product } = await communityCampaign(c.id);
    const open = (await campaign()).res.json<Campaign>();
    expect(await listed(`?communityId=${c.id}`)).toEqual([mine.id]);
    expect(await listed(`?communityId=${other.id}`)).toEqual([]);
    const everyone = await listed('?limit=100');
    expect(everyone).toContain(open.id);
    expect(everyone).not.toContain(mine.id);
    expect(await listed(`?productId=${product.id}`)).toEqual([]);
    // Its own page answers anyone, with the community it is for.
    const page = await t.request('GET', `/api/group-buys/campaigns/${mine.id}`);
    expect(page.json<PublicCampaign>().communityId).toBe(c.id);
  });

  it('neighbours fill a group together and collect at the pickup point', async () => {
    const { leader, community: c } = await community();
    const { campaign: deal, variantId } = await communityCampaign(c.id);
    const first = await neighbour(c.id);
    const second = await neighbour(c.id);
    const opened = await groupOrder(first, variantId, { campaignId: deal.id }, c.id);
    expect(opened.statusCode, opened.body).toBe(201);
    const openedPaid = await pay(first, opened.json<Order>().id);
    const groupId = openedPaid.groupBuy?.groupId as string;
    expect((await t.request('GET', `/api/group-buys/${groupId}`)).json<Group>().communityId).toBe(c.id);
    expect(await listed(`?communityId=${c.id}`)).toEqual([deal.id]);
    const open = (await t.request('GET', `/api/group-buys?communityId=${c.id}`)).json<{
      items: PublicCampaign[];
    }>();
    expect(open.items[0]?.openGroups.map((g) => g.id)).toEqual([groupId]);

    const joined = await groupOrder(second, variantId, { campaignId: deal.id, groupId }, c.id);
    expect(joined.statusCode, joined.body).toBe(201);
    const joinedPaid = await pay(second, joined.json<Order>().id);
    expect(joinedPaid.groupBuy?.status).toBe('succeeded');
    expect(joinedPaid).toMatchObject({ total: 2900, shippingFee: 0, pickup: { communityId: c.id } });
    expect(joinedPaid.pickupCode).toMatch(/^\d{8}$/);
    const handed = await t.request('POST', `/api/communities/${c.id}/pickups`, {
      token: leader.token,
      body: { code: joinedPaid.pickupCode },
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ id: joinedPaid.id, status: 'completed' });
  });

  it('refuses an order delivered by carrier (422 community_pickup_required) and a non-member’s pickup (422)', async () => {
    const { community: c } = await community();
    const { community: elsewhere } = await community();
    const { campaign: deal, variantId } = await communityCampaign(c.id);
    const member = await neighbour(c.id);
    const delivered = await groupOrder(member, variantId, { campaignId: deal.id });
    expect(expectProblem(delivered, 422)).toMatchObject({
      reason: 'community_pickup_required',
      params: { communityId: c.id },
    });
    // A member of another community, collecting at theirs, is not one of these neighbours.
    const stranger = await neighbour(elsewhere.id);
    const atTheirs = await groupOrder(stranger, variantId, { campaignId: deal.id }, elsewhere.id);
    expect(expectProblem(atTheirs, 422).reason).toBe('community_pickup_required');
    // Asking to collect at this community without joining it is the pickup's own refusal.
    const atOurs = await groupOrder(stranger, variantId, { campaignId: deal.id }, c.id);
    expect(expectProblem(atOurs, 422).reason).toBe('community_membership_required');
    // Nothing was held for the refused orders: no group was opened.
    expect(
      (await t.request('GET', `/api/group-buys?communityId=${c.id}`)).json<{ items: PublicCampaign[] }>()
        .items[0]?.openGroups,
    ).toEqual([]);
  });

  it('an open campaign still takes a member collecting at their pickup point', async () => {
    const { community: c } = await community();
    const member = await neighbour(c.id);
    const open = await campaign();
    const placed = await groupOrder(
      member,
      open.variantId,
      { campaignId: open.res.json<Campaign>().id },
      c.id,
    );
    expect(placed.statusCode, placed.body).toBe(201);
  });
});
