import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { days } from '../../platform/clock.js';
import type { Page } from '../../platform/http/pagination.js';
import type { Order } from '../orders/present.js';
import { record } from './record.js';
import type { AuditEntryView } from './schemas.js';

/**
 * The audit log through the API: a price change and a withdrawal approval recorded with who, when,
 * before → after and the request id, in the change's own transaction (a change that fails leaves no
 * entry, an entry that fails leaves no change); the table refuses UPDATE and DELETE; the retention
 * purge; and the log is the operators' alone.
 */
let t: TestApp;
let admin: { token: string; user: { id: string; email: string } };
let buyer: { token: string; user: { id: string } };

beforeAll(async () => {
  t = await createTestApp({ RETURN_WINDOW_DAYS: '0' });
  admin = await t.signInAdmin();
  buyer = await t.signUp();
});
afterAll(() => t.close());

const search = async (query: string, token = admin.token) => {
  const res = await t.request('GET', `/api/admin/audit${query}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<AuditEntryView>>();
};
const entriesOf = async (targetType: string, targetId: string) =>
  (await search(`?targetType=${targetType}&targetId=${encodeURIComponent(targetId)}`)).items;

describe('a price change', () => {
  it('is recorded with the actor, their role, the changed fields only and the request id', async () => {
    const { product } = await createProduct(t, { price: 4500, stock: 5 });
    const variant = product.variants[0] as { id: string; sku: string };
    const start = t.clock.now().getTime();
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin.token,
      body: { variants: [{ id: variant.id, sku: variant.sku, price: 3900 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const end = t.clock.now().getTime();
    const [entry, ...others] = await entriesOf('product', product.id);
    expect(others).toEqual([]);
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actor: { id: admin.user.id, name: expect.any(String), email: admin.user.email, role: 'admin' },
      action: 'product.update',
      target: { type: 'product', id: product.id },
      before: { [`variants.${variant.sku}.price`]: 4500 },
      after: { [`variants.${variant.sku}.price`]: 3900 },
      requestId: res.headers['x-request-id'],
    });
    const at = new Date(entry?.at ?? '').getTime();
    expect(at).toBeGreaterThanOrEqual(start);
    expect(at).toBeLessThanOrEqual(end);
  });

  it('that fails leaves no entry and no change', async () => {
    const { product } = await createProduct(t, { price: 4500, stock: 5 });
    const { product: other } = await createProduct(t, { price: 100, stock: 1 });
    const variant = product.variants[0] as { id: string; sku: string };
    // The title is written first; the SKU taken by another product then fails the transaction.
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin.token,
      body: {
        title: 'Renamed',
        variants: [{ id: variant.id, sku: (other.variants[0] as { sku: string }).sku, price: 3900 }],
      },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(await entriesOf('product', product.id)).toEqual([]);
    const now = await t.request('GET', `/api/admin/products/${product.id}`, { token: admin.token });
    expect(now.json()).toMatchObject({ title: product.title, variants: [{ price: 4500 }] });
  });

  it('that changes nothing records nothing', async () => {
    const { product } = await createProduct(t, { price: 4500, stock: 5 });
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin.token,
      body: { title: product.title },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await entriesOf('product', product.id)).toEqual([]);
  });
});

/** A promoter with a settled commission and a withdrawal of all of it, waiting for the operator. */
async function requestedWithdrawal(): Promise<{ id: string; amount: number; userId: string }> {
  const promoter = await t.signUp({ name: 'Lin Xiaomei' });
  const slug = `audit-shop-${Math.random().toString(36).slice(2, 8)}`;
  expect((await t.request('POST', '/api/shopkeepers', { token: promoter.token })).statusCode).toBe(201);
  await t.request('POST', '/api/stores', { token: promoter.token, body: { name: slug, slug } });
  const customer = await t.signUp();
  const { variantId } = await createProduct(t, { price: 20_000, stock: 5 });
  const placed = await t.request('POST', '/api/orders', {
    token: customer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: slug },
  });
  const order = placed.json<Order>();
  await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: customer.token });
  await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
  await t.services.distribution.settleDue();
  await t.request('PUT', '/api/me/payout-details', {
    token: promoter.token,
    body: { method: 'alipay', holderName: 'Lin Xiaomei', account: '138 0013 8000' },
  });
  const { available } = (await t.request('GET', '/api/me/wallet', { token: promoter.token })).json<{
    available: number;
  }>();
  expect(available).toBeGreaterThan(0);
  const res = await t.request('POST', '/api/me/withdrawals', {
    token: promoter.token,
    body: { amount: available },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json<{ id: string }>().id, amount: available, userId: promoter.user.id };
}

describe('a withdrawal approval', () => {
  beforeAll(async () => {
    await t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { minWithdrawal: 1 },
    });
  });

  it('is recorded: requested → paid, with the operator’s note and the request id', async () => {
    const w = await requestedWithdrawal();
    const res = await t.request('POST', `/api/admin/withdrawals/${w.id}/approve`, {
      token: admin.token,
      body: { note: 'paid by Alipay' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const entries = await entriesOf('withdrawal', w.id);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'withdrawal.approve',
        actor: expect.objectContaining({ id: admin.user.id, role: 'admin' }),
        before: { status: 'requested', note: null },
        after: { status: 'paid', note: 'paid by Alipay' },
        requestId: res.headers['x-request-id'],
      }),
    ]);
  });

  it('that fails after its entry is written leaves no entry, and the withdrawal waits', async () => {
    const w = await requestedWithdrawal();
    // A fault after the audit entry: the notification job the decision enqueues cannot be written.
    await t.db.exec(`
      CREATE FUNCTION fail_withdrawal_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload ? 'withdrawalId' THEN RAISE EXCEPTION 'forced failure'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_withdrawal_job BEFORE INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION fail_withdrawal_job();`);
    try {
      const res = await t.request('POST', `/api/admin/withdrawals/${w.id}/approve`, {
        token: admin.token,
        body: {},
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.db.exec('DROP TRIGGER fail_withdrawal_job ON jobs; DROP FUNCTION fail_withdrawal_job();');
    }
    expect(await entriesOf('withdrawal', w.id)).toEqual([]);
    const waiting = await t.request('GET', '/api/admin/withdrawals?status=requested', { token: admin.token });
    expect(waiting.body).toContain(w.id);
  });

  it('whose entry cannot be written is not made either', async () => {
    const w = await requestedWithdrawal();
    await t.db.exec(`
      CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced failure'; END $$;
      CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit();`);
    try {
      const res = await t.request('POST', `/api/admin/withdrawals/${w.id}/approve`, {
        token: admin.token,
        body: {},
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.db.exec('DROP TRIGGER fail_audit ON audit_log; DROP FUNCTION fail_audit();');
    }
    const waiting = await t.request('GET', '/api/admin/withdrawals?status=requested', { token: admin.token });
    expect(waiting.body).toContain(w.id);
  });
});

describe('the table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { product } = await createProduct(t);
    await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin.token,
      body: { title: 'Kept' },
    });
    const [entry] = (await search('?limit=1')).items;
    expect(entry).toBeDefined();
    await expect(t.db.query("UPDATE audit_log SET action = 'x' WHERE id = $1", [entry?.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('DELETE FROM audit_log WHERE id = $1', [entry?.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await search('?limit=1')).items[0]).toEqual(entry);
  });

  it('rolls an entry back with the transaction that wrote it', async () => {
    const by = { actorId: admin.user.id, actorRole: 'admin', requestId: 'forced-rollback' };
    await expect(
      t.db.transaction(async (tx) => {
        await record(tx, {
          by,
          at: t.clock.now(),
          action: 'test.rollback',
          target: { type: 'test', id: '1' },
          before: null,
          after: { x: 1 },
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await search('?action=test')).items).toEqual([]);
  });
});

describe('search', () => {
  it('filters by actor, action prefix, target and days, newest first, page by page', async () => {
    const { product } = await createProduct(t, { price: 1000, stock: 1 });
    for (const title of ['One', 'Two', 'Three']) {
      await t.request('PATCH', `/api/admin/products/${product.id}`, { token: admin.token, body: { title } });
    }
    await t.request('POST', `/api/admin/products/${product.id}/archive`, { token: admin.token });
    const all = await entriesOf('product', product.id);
    expect(all.map((e) => e.action)).toEqual([
      'product.archive',
      'product.update',
      'product.update',
      'product.update',
    ]);
    expect(all[1]).toMatchObject({ before: { title: 'Two' }, after: { title: 'Three' } });

    const first = await search(`?targetType=product&targetId=${product.id}&action=product.update&limit=2`);
    expect(first.items.map((e) => e.after)).toEqual([{ title: 'Three' }, { title: 'Two' }]);
    const second = await search(
      `?targetType=product&targetId=${product.id}&action=product.update&limit=2&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((e) => e.after)).toEqual([{ title: 'One' }]);
    expect(second.nextCursor).toBeNull();

    expect(
      (await search(`?actor=${admin.user.id}&action=product&limit=100`)).items.length,
    ).toBeGreaterThanOrEqual(4);
    expect((await search(`?actor=${buyer.user.id}`)).items).toEqual([]);
    const today = t.clock.now().toISOString().slice(0, 10);
    expect((await search(`?targetId=${product.id}&from=${today}&to=${today}`)).items).toHaveLength(4);
    expect((await search(`?targetId=${product.id}&to=2020-01-01`)).items).toEqual([]);
  });

  it('answers 400 for a bad cursor, day or range', async () => {
    for (const query of [
      '?cursor=nope',
      '?from=2026-13-01',
      '?from=2026-02-02&to=2026-02-01',
      '?action=Bad%20Action',
    ]) {
      const res = await t.request('GET', `/api/admin/audit${query}`, { token: admin.token });
      expect(res.statusCode, `${query} → ${res.body}`).toBe(400);
    }
  });

  it('is the operators’ alone: 401 without a token, 403 with a buyer’s', async () => {
    expect((await t.request('GET', '/api/admin/audit')).statusCode).toBe(401);
    for (const [method, url] of [
      ['GET', '/api/admin/audit'],
      ['GET', '/api/admin/audit/settings'],
      ['PUT', '/api/admin/audit/settings'],
    ] as const) {
      const res = await t.request(method, url, {
        token: buyer.token,
        body: method === 'PUT' ? { retentionDays: 30 } : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await t.request('GET', '/api/admin/audit/settings', { token: admin.token })).json()).toEqual({
      retentionDays: 365,
    });
  });
});

describe('retention', () => {
  it('purges entries older than the retention setting, and nothing newer; the change is recorded', async () => {
    const setting = await t.request('PUT', '/api/admin/audit/settings', {
      token: admin.token,
      body: { retentionDays: 30 },
    });
    expect(setting.statusCode, setting.body).toBe(200);
    const changed = (await search('?action=audit.settings.update')).items;
    expect(changed[0]).toMatchObject({ before: { retentionDays: 365 }, after: { retentionDays: 30 } });
    expect(
      (
        await t.request('PUT', '/api/admin/audit/settings', {
          token: admin.token,
          body: { retentionDays: 29 },
        })
      ).statusCode,
    ).toBe(400);

    const { product } = await createProduct(t, { price: 1000, stock: 1 });
    await t.request('POST', `/api/admin/products/${product.id}/archive`, { token: admin.token });
    const before = (await search('?limit=100')).items.length;
    t.clock.advance(days(20));
    admin = await t.signInAdmin(); // sessions end before a month does
    await t.request('POST', `/api/admin/products/${product.id}/restore`, { token: admin.token });
    t.clock.advance(days(11)); // the archive is 31 days old, the restore 11
    admin = await t.signInAdmin();
    const purged = await t.services.audit.purgeExpired();
    expect(purged).toBe(before);
    expect((await entriesOf('product', product.id)).map((e) => e.action)).toEqual(['product.restore']);
  });
});

describe('text PostgreSQL’s jsonb refuses', () => {
  it('records a lone surrogate a client sent as U+FFFD, and the change still happens', async () => {
    const res = await t.request('POST', '/api/admin/shipping-templates', {
      token: admin.token,
      body: {
        name: 'Post \ud800',
        basis: 'flat',
        defaultRule: { first: 1, firstFee: 1, extra: 1, extraFee: 1 },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [entry] = await entriesOf('shipping_template', res.json<{ id: string }>().id);
    expect(entry?.after).toMatchObject({ name: 'Post \ufffd' });
  });
});
