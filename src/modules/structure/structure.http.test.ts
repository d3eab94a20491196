import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import { createStructureService } from './service.js';

/** Team and community structures over HTTP, built from real invitations and bindings. */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
interface Structure {
  root: { id: string; name: string };
  metrics: {
    size: number;
    depth: number;
    breadth: number;
    triangles: number;
    clustering: number;
    shape: string;
  };
  thresholds: Record<string, number>;
  nodes: { id: string; name: string; level: number }[];
  links: { source: string; target: string; kind: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

const invitedBy = (p: Person) => t.signUp({ inviteCode: p.user.inviteCode });

async function openStore(p: Person, slug: string) {
  await t.request('POST', '/api/shopkeepers', { token: p.token });
  expect(
    (await t.request('POST', '/api/stores', { token: p.token, body: { name: slug, slug } })).statusCode,
  ).toBe(201);
}

/** The buyer pays an order in the promoter's store: distribution binds the buyer to them. */
async function bind(buyer: Person, slug: string) {
  const { variantId } = await createProduct(t, { price: 1000, stock: 10 });
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: slug },
  });
  const order = placed.json<Order>();
  expect(
    (await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token })).statusCode,
  ).toBe(200);
}

const teamOf = async (p: Person) => {
  const res = await t.request('GET', `/api/admin/structure/teams/${p.user.id}`, { token: admin.token });
  expect(res.statusCode).toBe(200);
  return res.json<Structure>();
};

describe('team structures', () => {
  it('a chain of invitations is a tower', async () => {
    const root = await t.signUp();
    let last = root;
    for (let i = 0; i < 4; i++) last = await invitedBy(last);
    const s = await teamOf(root);
    expect(s.metrics).toMatchObject({ size: 5, depth: 4, breadth: 1, shape: 'tower' });
    expect(s.root.id).toBe(root.user.id);
    expect(s.nodes.map((n) => n.level).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(s.links.every((l) => l.kind === 'invited')).toBe(true);
    expect(s.thresholds).toMatchObject({ towerMinDepth: 3, minSize: 4 });
  });

  it('one promoter with many direct invitees and bound buyers is an umbrella', async () => {
    const hub = await t.signUp();
    await openStore(hub, 'umbrella-hub');
    for (let i = 0; i < 3; i++) await invitedBy(hub);
    for (let i = 0; i < 2; i++) await bind(await t.signUp(), 'umbrella-hub');
    const s = await teamOf(hub);
    expect(s.metrics).toMatchObject({ size: 6, depth: 1, breadth: 5, triangles: 0, shape: 'umbrella' });
    expect(s.links.filter((l) => l.kind === 'bound')).toHaveLength(2);
  });

  it('members bound to each other inside the team make a honeycomb', async () => {
    const root = await t.signUp();
    const a = await invitedBy(root);
    const b = await invitedBy(root);
    await openStore(a, 'comb-a');
    await openStore(b, 'comb-b');
    await bind(b, 'comb-a'); // root–a–b
    const c = await invitedBy(a);
    await bind(c, 'comb-b'); // a–b–c
    const s = await teamOf(root);
    expect(s.metrics).toMatchObject({ size: 4, triangles: 2, shape: 'honeycomb' });
    expect(s.metrics.clustering).toBeGreaterThanOrEqual(0.3);
    const names = new Map(s.nodes.map((n) => [n.id, n.name]));
    expect(names.get(c.user.id)).toBe(c.user.name);
  });

  it('someone alone has no shape yet; an unknown person is 404', async () => {
    const alone = await t.signUp();
    expect((await teamOf(alone)).metrics).toMatchObject({ size: 1, depth: 0, shape: 'unclassified' });
    const res = await t.request('GET', '/api/admin/structure/teams/nobody', { token: admin.token });
    expect(res.statusCode).toBe(404);
  });

  it('lists the busiest promoters’ teams, largest first', async () => {
    const res = await t.request('GET', '/api/admin/structure/teams?limit=20', { token: admin.token });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { user: { id: string }; metrics: { size: number } }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    const sizes = items.map((i) => i.metrics.size);
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
  });
});

describe('community structures', () => {
  it('draws a real community from its leader and the neighbours who joined it; an unknown one is 404', async () => {
    const leader = await t.signUp({ name: 'Leader Lin' });
    expect((await t.request('POST', '/api/leaders', { token: leader.token })).statusCode).toBe(201);
    const opened = await t.request('POST', '/api/communities', {
      token: leader.token,
      body: { name: 'Maple Court', pickupPoint: { name: 'Lobby', address: '1 Maple Road' } },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const community = opened.json<{ id: string }>();
    const neighbours = [await t.signUp(), await t.signUp()];
    for (const n of neighbours)
      expect(
        (await t.request('POST', `/api/communities/${community.id}/members`, { token: n.token })).statusCode,
      ).toBe(200);

    const res = await t.request('GET', `/api/admin/structure/communities/${community.id}`, {
      token: admin.token,
    });
    expect(res.statusCode, res.body).toBe(200);
    const drawn = res.json<Structure & { community: { id: string; name: string } }>();
    expect(drawn.community).toEqual({ id: community.id, name: 'Maple Court' });
    expect(drawn.root).toEqual({ id: leader.user.id, name: 'Leader Lin' });
    expect(drawn.nodes.map((n) => n.id).sort()).toEqual(
      [leader.user.id, ...neighbours.map((n) => n.user.id)].sort(),
    );
    expect(drawn.metrics.size).toBe(3);

    const unknown = await t.request('GET', '/api/admin/structure/communities/c1', { token: admin.token });
    expect(unknown.statusCode).toBe(404);
  });

  it('through the membership port: neighbours who invited each other in a line are a tower', async () => {
    const leader = await t.signUp();
    const first = await t.signUp();
    const second = await invitedBy(first);
    const third = await invitedBy(second);
    const fourth = await invitedBy(third);
    const structure = createStructureService({
      db: t.db,
      accounts: t.services.accounts,
      distribution: t.services.distribution,
      communities: {
        membersOf: async (_conn, id) =>
          id === 'street'
            ? {
                name: 'Our street',
                leaderId: leader.user.id,
                memberIds: [first, second, third, fourth].map((p) => p.user.id),
              }
            : null,
      },
    });
    const s = await structure.community('street');
    expect(s.community).toEqual({ id: 'street', name: 'Our street' });
    expect(s.metrics).toMatchObject({ size: 5, depth: 4, shape: 'tower' });
    expect(s.links.filter((l) => l.kind === 'member')).toEqual([
      { source: leader.user.id, target: first.user.id, kind: 'member' },
    ]);
    await expect(structure.community('elsewhere')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('who may see structures', () => {
  it('is 403 to anyone but the operator and 401 without a token', async () => {
    const someone = await t.signUp();
    for (const url of [
      `/api/admin/structure/teams/${someone.user.id}`,
      '/api/admin/structure/teams',
      '/api/admin/structure/communities/c1',
    ]) {
      expect((await t.request('GET', url, { token: someone.token })).statusCode).toBe(403);
      expect((await t.request('GET', url)).statusCode).toBe(401);
    }
  });
});
