import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';

const expectReason = (
  res: Parameters<typeof expectProblem>[0],
  status: number,
  reason: string,
  params?: object,
) => {
  const body = expectProblem(res, status);
  expect(body.reason).toBe(reason);
  if (params) expect(body.params).toMatchObject(params);
};

import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { xlsxOf } from '../../../test/support/xlsx.js';
import type { Database } from '../../platform/db.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { DryRun, ProductImport } from './imports.js';
import { createImportService } from './imports.js';

let t: TestApp;
let admin: { token: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const send = (path: string, body: string | Buffer, type = 'text/csv', token = admin.token) =>
  t.app.inject({
    method: 'POST',
    url: path,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    payload: body,
  });
const dryRun = async (body: string | Buffer, type = 'text/csv') => {
  const res = await send('/api/admin/product-imports/dry-run', body, type);
  expect(res.statusCode).toBe(200);
  return res.json<DryRun>();
};
const getImport = async (id: string) =>
  (await t.request('GET', `/api/admin/product-imports/${id}`, { token: admin.token })).json<ProductImport>();
const productBySku = async (sku: string) =>
  (
    await t.db.query<{ product_id: string; price: number; stock: number; title: string }>(
      'SELECT product_id, price, stock, title FROM variants WHERE sku = $1',
      [sku],
    )
  )[0];

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

describe('the dry run', () => {
  it('lists every row’s problem with its row, column and reason, and changes nothing', async () => {
    const u = unique();
    const csv = [
      'handle,title,sku,price,stock,colour',
      `,Good tea,${u}-OK,45.50,10,`,
      `,,${u}-1,12,1,`, // no title
      `,Bad price,${u}-2,12.345,1,`, // three decimals
      `,Bad stock,${u}-3,12,-4,`, // negative
      `,Repeated,${u}-OK,12,abc,`, // SKU again, stock not a number
      `pot,Teapot,${u}-4,99,1,`,
      `pot,Another title,${u}-5,99,1,`, // a handle's rows disagree
      `,Spaced,A B,1,1,`,
    ].join('\r\n');
    const report = await dryRun(csv);
    expect(report.rows).toBe(8);
    expect(report.problems).toEqual([
      { row: 1, column: 'colour', problem: 'column_unknown' },
      { row: 3, column: 'title', problem: 'required' },
      { row: 4, column: 'price', problem: 'invalid_price' },
      { row: 5, column: 'stock', problem: 'out_of_range' },
      { row: 6, column: 'sku', problem: 'sku_repeated' },
      { row: 6, column: 'stock', problem: 'invalid_integer' },
      { row: 8, column: 'title', problem: 'title_differs' },
      { row: 9, column: 'sku', problem: 'invalid_sku' },
    ]);
    expect(report.creates).toBe(0);
    expect(await productBySku(`${u}-OK`)).toBeUndefined();
    // The import itself refuses a file with problems.
    const res = await send('/api/admin/product-imports', csv);
    expectReason(res, 422, 'import_has_problems', { problems: 8 });
  });

  it('reads XLSX the same way, numbers as numbers', async () => {
    const u = unique();
    const report = await dryRun(
      xlsxOf([
        ['title', 'sku', 'price', 'stock'],
        ['Jasmine tea', `${u}-A`, 45.5, 3],
        ['Pu-erh', `${u}-B`, 'free', 1],
        [null, null, null, null],
        ['Black tea', `${u}-C`, 20, 2.5],
      ]),
      XLSX,
    );
    expect(report.rows).toBe(3);
    expect(report.problems).toEqual([
      { row: 3, column: 'price', problem: 'invalid_price' },
      { row: 5, column: 'stock', problem: 'invalid_integer' },
    ]);
  });

  it('names missing columns, and a SKU of two different products', async () => {
    expect((await dryRun('title,price\nTea,1')).problems).toEqual([
      { row: 1, column: 'sku', problem: 'column_missing' },
    ]);
    const a = await t.services.catalog.createProduct({
      title: 'A',
      variants: [{ sku: `A-${unique()}`, price: 1, stock: 1 }],
    });
    const b = await t.services.catalog.createProduct({
      title: 'B',
      variants: [{ sku: `B-${unique()}`, price: 1, stock: 1 }],
    });
    const report = await dryRun(
      `handle,title,sku,price\nx,Both,${a.variants[0]?.sku},1\nx,,${b.variants[0]?.sku},1\n`,
    );
    expect(report.problems).toEqual([{ row: 3, column: 'sku', problem: 'sku_elsewhere' }]);
  });

  it('refuses what it cannot read: an unclosed quote (400), another content type (415), a buyer (403)', async () => {
    expectReason(
      await send('/api/admin/product-imports/dry-run', 'title,sku,price\n"Tea,1,2'),
      400,
      'import_unreadable',
      {
        format: 'csv',
        line: 2,
      },
    );
    expectReason(
      await send('/api/admin/product-imports/dry-run', Buffer.from('not a zip'), XLSX),
      400,
      'import_unreadable',
    );
    const json = await t.request('POST', '/api/admin/product-imports/dry-run', {
      token: admin.token,
      body: { title: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const buyer = await t.signUp();
    expect(
      (await send('/api/admin/product-imports/dry-run', 'title,sku,price\n', 'text/csv', buyer.token))
        .statusCode,
    ).toBe(403);
  });
});

describe('the import', () => {
  it('imports 1,000 products as a job whose progress climbs to the total', async () => {
    const u = unique();
    const lines = ['title,sku,price,stock,category'];
    for (let i = 0; i < 1000; i += 1)
      lines.push(`Imported tea ${i},${u}-${i},${(i % 90) + 10}.90,${i % 7},tea`);
    const started = await send('/api/admin/product-imports?fileName=teas.csv', lines.join('\n'));
    expect(started.statusCode).toBe(202);
    const created = started.json<ProductImport>();
    expect(created).toMatchObject({ status: 'running', totalRows: 1000, doneRows: 0, fileName: 'teas.csv' });

    // Poll while the job runs, as the console's progress bar does.
    const seen: number[] = [];
    let running = true;
    const job = t.jobs.runDue().finally(() => {
      running = false;
    });
    while (running) {
      seen.push((await getImport(created.id)).doneRows);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await job;
    const finished = await getImport(created.id);
    expect(finished).toMatchObject({
      status: 'done',
      doneRows: 1000,
      created: 1000,
      updated: 0,
      failures: [],
    });
    expect(seen.some((n) => n > 0 && n < 1000)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const [{ n } = { n: 0 }] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM variants WHERE sku LIKE $1`,
      [`${u}-%`],
    );
    expect(n).toBe(1000);
    expect(await productBySku(`${u}-12`)).toMatchObject({ price: 2290, stock: 5, title: '' });
  }, 120_000);

  it('updates products found by SKU, setting stock through the movement log, and goes on after a crash', async () => {
    const u = unique();
    const existing = await t.services.catalog.createProduct({
      title: 'Old title',
      variants: [{ sku: `${u}-0`, price: 100, stock: 3 }],
    });
    const rows = [
      'handle,title,sku,variantTitle,price,stock',
      `p0,New title,${u}-0,Small,2.00,8`,
      `p0,,${u}-0b,Large,3,1`,
    ];
    for (let i = 1; i < 40; i += 1) rows.push(`p${i},Product ${i},${u}-${i},,1,1`);
    const started = (await send('/api/admin/product-imports', rows.join('\n'))).json<ProductImport>();

    // A process dies after its first batch: its second transaction never happens.
    let transactions = 0;
    const crashing = new Proxy(t.db, {
      get(target, key, receiver) {
        if (key === 'transaction')
          return (fn: Parameters<Database['transaction']>[0]) => {
            transactions += 1;
            if (transactions === 2) throw new Error('the process died');
            return target.transaction(fn);
          };
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const noJobs = { register: () => {} } as unknown as JobRunner;
    const dying = createImportService({ db: crashing, clock: t.clock, jobs: noJobs, currency: 'CNY' });
    await expect(dying.runImport(started.id)).rejects.toThrow('the process died');
    expect(await getImport(started.id)).toMatchObject({ status: 'running', doneRows: 26 });

    // The queued job (another process, or this one restarted) goes on from the second batch.
    await t.jobs.runDue();
    const finished = await getImport(started.id);
    expect(finished).toMatchObject({ status: 'done', doneRows: 41, created: 39, updated: 1 });
    const product = await t.services.catalog.getProduct(existing.id);
    expect(product.title).toBe('New title');
    expect(product.variants.map((v) => [v.sku, v.title, v.price, v.stock])).toEqual([
      [`${u}-0`, 'Small', 200, 8],
      [`${u}-0b`, 'Large', 300, 1],
    ]);
    const movements = await t.services.catalog.listMovements(existing.variants[0]?.id ?? '', { limit: 10 });
    expect(movements.items[0]).toMatchObject({
      kind: 'adjustment',
      delta: 5,
      stock: 8,
      reason: 'catalog import',
    });

    // The audit log names the import and what it changed in the product, under who started it.
    const audit = async (targetType: string, targetId: string) =>
      (
        await t.request('GET', `/api/admin/audit?targetType=${targetType}&targetId=${targetId}`, {
          token: admin.token,
        })
      ).json<{ items: { action: string; before: unknown; after: unknown; requestId: string }[] }>().items;
    expect(await audit('product_import', started.id)).toEqual([
      expect.objectContaining({ action: 'product.import', after: { fileName: '', rows: 41, products: 40 } }),
    ]);
    const changed = await audit('product', existing.id);
    expect(changed).toEqual([
      expect.objectContaining({
        action: 'product.import.update',
        before: {
          title: 'Old title',
          [`variants.${u}-0.price`]: 100,
          [`variants.${u}-0.stock`]: 3,
          [`variants.${u}-0b.price`]: null,
          [`variants.${u}-0b.stock`]: null,
        },
        after: {
          title: 'New title',
          [`variants.${u}-0.price`]: 200,
          [`variants.${u}-0.stock`]: 8,
          [`variants.${u}-0b.price`]: 300,
          [`variants.${u}-0b.stock`]: 1,
        },
      }),
    ]);

    // The same file again is an update of each product with nothing to record: idempotent per row.
    const again = (await send('/api/admin/product-imports', rows.join('\n'))).json<ProductImport>();
    await t.jobs.runDue();
    expect(await getImport(again.id)).toMatchObject({ status: 'done', created: 0, updated: 40 });
    const after = await t.services.catalog.listMovements(existing.variants[0]?.id ?? '', { limit: 10 });
    expect(after.items).toHaveLength(movements.items.length);
    expect(await audit('product', existing.id)).toHaveLength(1);
    const list = await t.request('GET', '/api/admin/product-imports', { token: admin.token });
    expect(
      list
        .json<{ items: ProductImport[] }>()
        .items.map((i) => i.id)
        .slice(0, 2),
    ).toEqual([again.id, started.id]);
  });

  it('applies each product once when two processes run the same import at once', async () => {
    const u = unique();
    const rows = ['title,sku,price,stock'];
    for (let i = 0; i < 120; i += 1) rows.push(`Raced ${i},${u}-${i},1,1`);
    const started = (await send('/api/admin/product-imports', rows.join('\n'))).json<ProductImport>();
    const noJobs = { register: () => {} } as unknown as JobRunner;
    const other = createImportService({ db: t.db, clock: t.clock, jobs: noJobs, currency: 'CNY' });
    await Promise.all([t.jobs.runDue(), other.runImport(started.id)]);
    expect(await getImport(started.id)).toMatchObject({
      status: 'done',
      doneRows: 120,
      created: 120,
      updated: 0,
    });
    const [{ n } = { n: 0 }] = await t.db.query<{ n: number }>(
      'SELECT count(DISTINCT product_id)::int AS n FROM variants WHERE sku LIKE $1',
      [`${u}-%`],
    );
    expect(n).toBe(120);
  });

  it('answers 404 for an unknown import', async () => {
    expectReason(
      await t.request('GET', '/api/admin/product-imports/nope', { token: admin.token }),
      404,
      'not_found',
    );
  });
});
