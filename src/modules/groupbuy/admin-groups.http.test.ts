import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { AdminCampaign, AdminGroup } from './schemas.js';
import { groupBuySteps } from './test-steps.js';

let t: TestApp;
let gb: ReturnType<typeof groupBuySteps>;
beforeAll(async () => {
  t = await createTestApp();
  gb = groupBuySteps(t);
});
afterAll(() => t.close());

type GroupPage = { items: AdminGroup[]; nextCursor: string | null };

const groupsOf = async (campaignId: string, query = '') => {
  const res = await t.request('GET', `/api/admin/group-buys/${campaignId}/groups${query}`, {
    token: await gb.admin(),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<GroupPage>();
};

describe('GET /api/admin/group-buys/:id/groups', () => {
  it('happy: lists a campaign’s groups newest first with full member names, counts and the cost of completing', async () => {
    // Regular 49.00, group 29.00, leader 25.00: completing costs 24.00 for the leader and 20.00 a member.
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 5, leaderPrice: 2500 });
    const leader = await t.signUp({ name: 'Li Wei' });
    const members = await Promise.all([t.signUp({ name: 'Zhou Min' }), t.signUp(), t.signUp()]);
    const opened = await gb.joinAndPay(leader.token, variantId, { campaignId: campaign.id });
    const groupId = opened.groupBuy!.groupId;
    for (const m of members) await gb.joinAndPay(m.token, variantId, { campaignId: campaign.id, groupId });
    // A second group with one paid member and one seat reserved by an unpaid order.
    const other = await gb.joinAndPay((await t.signUp()).token, variantId, { campaignId: campaign.id });
    const otherId = other.groupBuy!.groupId;
    const unpaid = await gb.order((await t.signUp()).token, variantId, {
      campaignId: campaign.id,
      groupId: otherId,
    });
    expect(unpaid.statusCode).toBe(201);

    const page = await groupsOf(campaign.id);
    expect(page.items.map((g) => g.id)).toEqual([otherId, groupId]);
    const [second, first] = page.items as [AdminGroup, AdminGroup];
    expect(first).toMatchObject({
      status: 'open',
      groupSize: 5,
      paidMembers: 4,
      joinedMembers: 4,
      seatsMissing: 1,
      completable: true,
      completionCost: 2400 + 3 * 2000,
      leader: { name: 'Li Wei' },
    });
    expect(first.members.map((m) => m.name)).toContain('Zhou Min');
    expect(first.members).toHaveLength(4);
    expect(second).toMatchObject({
      paidMembers: 1,
      joinedMembers: 2,
      seatsMissing: 4,
      completable: false,
      completionCost: null,
    });

    // Completing it: the list then shows it succeeded, marked, and no longer completable.
    const done = await t.request('POST', `/api/admin/group-buys/groups/${groupId}/complete`, {
      token: await gb.admin(),
    });
    expect(done.statusCode).toBe(200);
    const succeeded = await groupsOf(campaign.id, '?status=succeeded');
    expect(succeeded.items).toEqual([
      expect.objectContaining({
        id: groupId,
        status: 'succeeded',
        completedByPlatform: true,
        completable: false,
        seatsMissing: 0,
        completionCost: null,
      }),
    ]);
    expect((await groupsOf(campaign.id, '?status=open')).items.map((g) => g.id)).toEqual([otherId]);

    // Paged by cursor.
    const one = await groupsOf(campaign.id, '?limit=1');
    expect(one.items.map((g) => g.id)).toEqual([otherId]);
    const rest = await groupsOf(campaign.id, `?limit=1&cursor=${one.nextCursor}`);
    expect(rest.items.map((g) => g.id)).toEqual([groupId]);
    expect(rest.nextCursor).toBeNull();

    // The campaign on its own, with its stats.
    const res = await t.request('GET', `/api/admin/group-buys/${campaign.id}`, { token: await gb.admin() });
    expect(res.json<AdminCampaign>()).toMatchObject({
      id: campaign.id,
      stats: { open: 1, succeeded: 1, failed: 0, members: 5 },
    });
  });

  it('happy: the cost of completing counts what each seat paid, after the campaign price changed', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 5, leaderPrice: 2500 });
    const opened = await gb.joinAndPay((await t.signUp()).token, variantId, { campaignId: campaign.id });
    const groupId = opened.groupBuy!.groupId;
    for (let i = 0; i < 2; i++)
      await gb.joinAndPay((await t.signUp()).token, variantId, { campaignId: campaign.id, groupId });
    const edit = await t.request('PATCH', `/api/admin/group-buys/${campaign.id}`, {
      token: await gb.admin(),
      body: { price: 3500 },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await gb.joinAndPay((await t.signUp()).token, variantId, { campaignId: campaign.id, groupId });
    const [group] = (await groupsOf(campaign.id)).items;
    // Regular 49.00: the leader paid 25.00, two members 29.00, the last one 35.00.
    expect(group).toMatchObject({ paidMembers: 4, completionCost: 2400 + 2 * 2000 + 1400 });
  });

  it('happy: a campaign without groups has an empty page', async () => {
    const { campaign } = await gb.createCampaign();
    expect(await groupsOf(campaign.id)).toEqual({ items: [], nextCursor: null });
  });

  it('errors: an unknown campaign is 404; a bad status or cursor is 400', async () => {
    const token = await gb.admin();
    expectProblem(await t.request('GET', '/api/admin/group-buys/nope/groups', { token }), 404);
    expectProblem(await t.request('GET', '/api/admin/group-buys/nope', { token }), 404);
    const { campaign } = await gb.createCampaign();
    expectProblem(
      await t.request('GET', `/api/admin/group-buys/${campaign.id}/groups?status=full`, { token }),
      400,
    );
    expectProblem(
      await t.request('GET', `/api/admin/group-buys/${campaign.id}/groups?cursor=%%`, { token }),
      400,
    );
  });

  it('security: only administrators see a campaign’s groups', async () => {
    const { campaign } = await gb.createCampaign();
    const buyer = await t.signUp();
    expectProblem(
      await t.request('GET', `/api/admin/group-buys/${campaign.id}/groups`, { token: buyer.token }),
      403,
    );
    expectProblem(
      await t.request('GET', `/api/admin/group-buys/${campaign.id}`, { token: buyer.token }),
      403,
    );
    expectProblem(await t.request('GET', `/api/admin/group-buys/${campaign.id}/groups`), 401);
  });
});
