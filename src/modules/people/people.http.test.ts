import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signInAdmin']>>;
let variantId: string;
let productId: string;

beforeAll(async () => {
  t = await createTestApp({ RETURN_WINDOW_DAYS: '0' });
  admin = await t.signInAdmin();
  const made = await createProduct(t, { price: 10_000, stock: 100 });
  variantId = made.variantId;
  productId = made.product.id;
});
afterAll(() => t.close());

interface Person {
  id: string;
  email: string;
  name: string;
  roles: string[];
  disabledAt: string | null;
  spending: { spent: number; orders: number };
}
const list = async (query: string, token = admin.token) => {
  const res = await t.request('GET', `/api/admin/users${query}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Person[]; nextCursor: string | null }>();
};

const login = (email: string, password = 'correct horse battery') =>
  t.request('POST', '/api/auth/login', { body: { email, password } });

async function shareLinkOf(token: string) {
  const res = await t.request('POST', '/api/share-links', { token, body: { productId } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ code: string }>().code;
}

async function buyThrough(token: string, shareCode: string) {
  const placed = await t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity: 1 }], shareCode },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const paid = await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, { token });
  expect(paid.statusCode, paid.body).toBe(200);
  await t.jobs.runDue();
}

const commissionsOf = async (token: string) =>
  (await t.request('GET', '/api/me/commissions', { token })).json<{ items: { level: number }[] }>().items;

describe('the console’s people list', () => {
  it('happy: searches email, name and phone; filters by role, sign-up day and spending; pages by cursor', async () => {
    const mei = await t.signUp({ name: 'Hu Meiling', email: 'meiling.hu@example.com' });
    const spender = await t.signUp({ name: 'Big Spender' });
    await placePaidOrder(t, spender.token, variantId, 3);
    await t.request('POST', '/api/me/addresses', {
      token: mei.token,
      body: {
        name: 'Hu Meiling',
        phone: '+86 139-1234-5678',
        province: '浙江省',
        city: '杭州市',
        line1: '文三路 1 号',
      },
    });

    expect((await list('?q=MEILING.HU')).items.map((p) => p.id)).toEqual([mei.user.id]);
    expect((await list('?q=hu%20mei')).items.map((p) => p.id)).toEqual([mei.user.id]);
    expect((await list(`?q=${encodeURIComponent('139 1234')}`)).items.map((p) => p.id)).toEqual([
      mei.user.id,
    ]);
    expect((await list('?role=admin')).items.map((p) => p.id)).toEqual([admin.user.id]);
    const rich = await list('?minSpent=30000');
    expect(rich.items.map((p) => p.id)).toEqual([spender.user.id]);
    expect(rich.items[0]!.spending).toEqual({ spent: 30_000, orders: 1 });
    expect((await list('?minSpent=30001')).items).toEqual([]);

    const today = t.clock.now().toISOString().slice(0, 10);
    expect((await list(`?signedUpFrom=${today}&signedUpTo=${today}`)).items.length).toBeGreaterThanOrEqual(3);
    expect((await list('?signedUpTo=2000-01-01')).items).toEqual([]);

    for (let i = 0; i < 3; i++) await t.signUp({ name: `Pager ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?q=pager&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Pager 2', 'Pager 1', 'Pager 0']);
  });

  it('error: a bad filter is 400; security: a buyer gets 403, a stranger 401', async () => {
    expectProblem(
      await t.request('GET', '/api/admin/users?signedUpFrom=yesterday', { token: admin.token }),
      400,
    );
    for (const day of ['2024-13-45', '2024-02-30', '0000-01-01'])
      expectProblem(
        await t.request('GET', `/api/admin/users?signedUpTo=${day}`, { token: admin.token }),
        400,
      );
    expectProblem(await t.request('GET', '/api/admin/users?role=king', { token: admin.token }), 400);
    expectProblem(await t.request('GET', '/api/admin/users?cursor=forged', { token: admin.token }), 400);
    const buyer = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/users', { token: buyer.token }), 403);
    expectProblem(await t.request('GET', `/api/admin/users/${buyer.user.id}`, { token: buyer.token }), 403);
    expectProblem(await t.request('GET', '/api/admin/users'), 401);
  });
});

describe('a person’s page', () => {
  it('happy: orders, commissions, team, who invited them, binding, points and flags', async () => {
    const promoter = await t.signUp({ name: 'Page Promoter' });
    const invitee = await t.signUp({ name: 'Page Invitee', inviteCode: promoter.user.inviteCode });
    await buyThrough(invitee.token, await shareLinkOf(promoter.token));

    const res = await t.request('GET', `/api/admin/users/${promoter.user.id}`, { token: admin.token });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<
      Record<string, unknown> & { commissions: { amount: number; buyer: { id: string } }[] }
    >();
    expect(page.commissions).toHaveLength(1);
    expect(page.commissions[0]!.buyer.id).toBe(invitee.user.id);
    expect(page.team).toEqual([expect.objectContaining({ id: invitee.user.id, name: 'Page Invitee' })]);
    expect(page.wallet).toMatchObject({ pending: page.commissions[0]!.amount });

    const buyerPage = (
      await t.request('GET', `/api/admin/users/${invitee.user.id}`, { token: admin.token })
    ).json<Record<string, unknown>>();
    expect(buyerPage.orders).toEqual([expect.objectContaining({ status: 'paid', total: 10_000 })]);
    expect(buyerPage.invitedBy).toEqual({ id: promoter.user.id, name: 'Page Promoter' });
    expect(buyerPage.binding).toMatchObject({ promoter: { id: promoter.user.id }, origin: 'share_link' });
    expect(buyerPage.person).toMatchObject({ spending: { spent: 10_000, orders: 1 }, disabledAt: null });
    expect((buyerPage.points as { balance: number }).balance).toBeGreaterThan(0);
    expect(buyerPage.flags).toEqual([]);

    // Support staff see the page but not the fraud review, which is an admin's.
    const operator = await t.signUp();
    await t.services.accounts.grantRole(operator.user.id, 'operator');
    const seen = await t.request('GET', `/api/admin/users/${invitee.user.id}`, { token: operator.token });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<{ flags: unknown }>().flags).toBeNull();
  });

  it('error: an unknown person is 404', async () => {
    expectProblem(await t.request('GET', '/api/admin/users/nobody', { token: admin.token }), 404);
  });
});

describe('disabling an account', () => {
  it('happy: ends its sessions at once, refuses sign-in with account_disabled, and re-enabling lets it in again', async () => {
    const person = await t.signUp();
    const disabled = await t.request('POST', `/api/admin/users/${person.user.id}/disable`, {
      token: admin.token,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json<Person>().disabledAt).not.toBeNull();
    expectProblem(await t.request('GET', '/api/me', { token: person.token }), 401);
    expect(expectProblem(await login(person.user.email), 403).reason).toBe('account_disabled');
    // A wrong password says only that it is wrong: the state of the account is for its owner.
    expect(expectProblem(await login(person.user.email, 'not the password'), 401).reason).toBe(
      'invalid_credentials',
    );
    expect((await list(`?q=${encodeURIComponent(person.user.email)}`)).items[0]!.disabledAt).not.toBeNull();

    const again = await t.request('POST', `/api/admin/users/${person.user.id}/disable`, {
      token: admin.token,
    });
    expect(again.json<Person>().disabledAt).toBe(disabled.json<Person>().disabledAt);
    const enabled = await t.request('POST', `/api/admin/users/${person.user.id}/enable`, {
      token: admin.token,
    });
    expect(enabled.json<Person>().disabledAt).toBeNull();
    expectProblem(await t.request('GET', '/api/me', { token: person.token }), 401); // old sessions stay ended
    expect((await login(person.user.email)).statusCode).toBe(200);

    // The audit log has the disabling and the re-enabling, once each (the repeat changed nothing).
    const log = await t.request('GET', `/api/admin/audit?targetType=user&targetId=${person.user.id}`, {
      token: admin.token,
    });
    const entries = log.json<{ items: { action: string; actor: { id: string }; requestId: string }[] }>()
      .items;
    expect(entries.map((e) => e.action)).toEqual(['user.enable', 'user.disable']);
    expect(entries[1]).toMatchObject({
      actor: { id: admin.user.id, role: 'admin' },
      requestId: disabled.headers['x-request-id'],
    });
  });

  it(`a sign-in racing the disabling leaves no session that works ${RACE}`, async () => {
    const person = await t.signUp();
    const [signIn, disabled] = await Promise.all([
      login(person.user.email),
      t.request('POST', `/api/admin/users/${person.user.id}/disable`, { token: admin.token }),
    ]);
    expect(disabled.statusCode, disabled.body).toBe(200);
    // Signed in first (its session then ended with the others) or refused: either way, no way in.
    expect([200, 403]).toContain(signIn.statusCode);
    if (signIn.statusCode === 200) {
      const token = signIn.json<{ token: string }>().token;
      expectProblem(await t.request('GET', '/api/me', { token }), 401);
    }
    expectProblem(await t.request('GET', '/api/me', { token: person.token }), 401);
  });

  it('a disabled promoter earns nothing new, and their link binds nobody; what they earned before stays', async () => {
    const promoter = await t.signUp({ name: 'Soon Disabled' });
    const code = await shareLinkOf(promoter.token);
    const before = await t.signUp();
    await buyThrough(before.token, code);
    expect(await commissionsOf(promoter.token)).toHaveLength(1);

    await t.request('POST', `/api/admin/users/${promoter.user.id}/disable`, { token: admin.token });
    const buyer = await t.signUp();
    await buyThrough(buyer.token, code);
    await t.request('POST', `/api/admin/users/${promoter.user.id}/enable`, { token: admin.token });
    const promoterToken = (await login(promoter.user.email)).json<{ token: string }>().token;
    expect(await commissionsOf(promoterToken)).toHaveLength(1);
    const buyerPage = (
      await t.request('GET', `/api/admin/users/${buyer.user.id}`, { token: admin.token })
    ).json<{ binding: unknown }>();
    expect(buyerPage.binding).toBeNull();
  });

  it('a disabled inviter earns no level-2 commission; the enabled sharer keeps their level 1', async () => {
    const inviter = await t.signUp({ name: 'Disabled Inviter' });
    const sharer = await t.signUp({ name: 'Active Sharer', inviteCode: inviter.user.inviteCode });
    const code = await shareLinkOf(sharer.token);
    await t.request('POST', `/api/admin/users/${inviter.user.id}/disable`, { token: admin.token });
    await buyThrough((await t.signUp()).token, code);
    expect((await commissionsOf(sharer.token)).map((c) => c.level)).toEqual([1]);
    const inviterPage = (
      await t.request('GET', `/api/admin/users/${inviter.user.id}`, { token: admin.token })
    ).json<{ commissions: unknown[] }>();
    expect(inviterPage.commissions).toEqual([]);
  });

  it('error: nobody disables themselves (422); an operator cannot disable an admin (403); unknown is 404', async () => {
    expect(
      expectProblem(
        await t.request('POST', `/api/admin/users/${admin.user.id}/disable`, { token: admin.token }),
        422,
      ).reason,
    ).toBe('cannot_disable_self');
    const operator = await t.signUp();
    await t.request('PUT', `/api/admin/users/${operator.user.id}/roles/operator`, { token: admin.token });
    expect(
      expectProblem(
        await t.request('POST', `/api/admin/users/${admin.user.id}/disable`, { token: operator.token }),
        403,
      ).reason,
    ).toBe('staff_account_admin_only');
    expectProblem(await t.request('POST', '/api/admin/users/nobody/disable', { token: admin.token }), 404);
    // An operator may disable a customer.
    const customer = await t.signUp();
    const res = await t.request('POST', `/api/admin/users/${customer.user.id}/disable`, {
      token: operator.token,
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('roles', () => {
  it('happy: a granted role works on the next request and a revoked one stops working', async () => {
    const person = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/orders', { token: person.token }), 403);
    const granted = await t.request('PUT', `/api/admin/users/${person.user.id}/roles/operator`, {
      token: admin.token,
    });
    expect(granted.json<Person>().roles).toEqual(['operator']);
    expect((await t.request('GET', '/api/admin/orders', { token: person.token })).statusCode).toBe(200);
    // Support staff: no settings, prices or payouts.
    expectProblem(await t.request('GET', '/api/admin/distribution/settings', { token: person.token }), 403);
    expectProblem(await t.request('POST', '/api/admin/products', { token: person.token, body: {} }), 403);
    expectProblem(
      await t.request('PUT', `/api/admin/users/${person.user.id}/roles/admin`, { token: person.token }),
      403,
    );
    const revoked = await t.request('DELETE', `/api/admin/users/${person.user.id}/roles/operator`, {
      token: admin.token,
    });
    expect(revoked.json<Person>().roles).toEqual([]);
    expectProblem(await t.request('GET', '/api/admin/orders', { token: person.token }), 403);
  });

  it('error: an admin cannot revoke their own admin role (422), but may revoke another admin’s', async () => {
    expect(
      expectProblem(
        await t.request('DELETE', `/api/admin/users/${admin.user.id}/roles/admin`, { token: admin.token }),
        422,
      ).reason,
    ).toBe('cannot_revoke_own_admin');
    const other = await t.signUp();
    await t.request('PUT', `/api/admin/users/${other.user.id}/roles/admin`, { token: admin.token });
    const res = await t.request('DELETE', `/api/admin/users/${other.user.id}/roles/admin`, {
      token: admin.token,
    });
    expect(res.json<Person>().roles).toEqual([]);
    expectProblem(
      await t.request('PUT', `/api/admin/users/${other.user.id}/roles/king`, { token: admin.token }),
      400,
    );
  });
});
