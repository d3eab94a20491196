import { performance } from 'node:perf_hooks';
import { onPglite, onPostgres } from './support/hot-row-servers.js';
import { Api } from './support/http.js';
import type { FissionServer } from './support/server.js';
import { adminToken, createProduct, registerBuyers } from './support/shop.js';
import { countBy, round } from './support/stats.js';

export interface FlashSaleOptions {
  buyers: number;
  quantity: number;
  baselineSeconds: number;
}

export interface FlashSaleResult {
  database: 'PostgreSQL' | 'PGlite';
  buyers: number;
  quantity: number;
  sold: number;
  refused: number;
  other: Record<number, number>;
  remaining: number;
  /** Sale decisions (sold, or refused with 409) per second in the opening second's crowd. */
  answersPerSecond: number;
  seconds: number;
  hotRowBaseline: number;
  /**
   * The HTTP floor of the same crowd: `GET /health` (one `SELECT 1`) from every buyer's connection
   * at once, best of three rounds. What a refusal costs beyond it is the flash sale's own.
   */
  healthPerSecond: number;
  /** What broke "exactly `quantity` sold, the rest 409, nothing left"; empty if nothing. */
  problems: string[];
}

/**
 * The flash sale's opening second: every buyer at once orders one unit with `flashSale`, on a
 * sale of `quantity` units (per-person limit 1) of a variant with ample stock. Exactly `quantity`
 * get 201, the rest 409; the rate of answers is set against the hot-row UPDATE ceiling of the
 * same run, as the general flash crowd is.
 */
async function openingSecond(server: FissionServer, options: FlashSaleOptions) {
  const setup = new Api(server.url, 4);
  const crowd = new Api(server.url, options.buyers);
  try {
    const admin = await adminToken(setup);
    console.error(`flash sale: registering ${options.buyers} buyers`);
    const buyers = await registerBuyers(setup, options.buyers, 4);
    const variantId = await createProduct(setup, admin, 'Flash sale power bank', options.buyers * 2);
    const now = Date.now();
    const sale = await setup.expect<{ id: string }>(201, 'POST', '/api/admin/flash-sales', {
      token: admin,
      body: {
        variantId,
        price: 1,
        quantity: options.quantity,
        perUserLimit: 1,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      },
    });
    await Promise.all(buyers.map(() => crowd.expect(200, 'GET', '/health')));
    const healthPerSecond = await healthFloor(crowd, buyers.length);
    console.error(`flash sale: ${buyers.length} buyers at once on ${options.quantity} units`);
    const started = performance.now();
    const statuses = await Promise.all(
      buyers.map(
        async (token) =>
          (
            await crowd.call('POST', '/api/orders', {
              token,
              body: { items: [{ variantId, quantity: 1 }], flashSale: { saleId: sale.id } },
            })
          ).status,
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await setup.expect<{ remaining: number }>(200, 'GET', `/api/flash-sales/${sale.id}`);
    const counts = countBy(statuses);
    const sold = counts.get(201) ?? 0;
    const refused = counts.get(409) ?? 0;
    const problems = [
      sold !== options.quantity && `${sold} sold, expected exactly ${options.quantity}`,
      refused !== buyers.length - options.quantity &&
        `${refused} × 409, expected ${buyers.length - options.quantity}`,
      after.remaining !== 0 && `${after.remaining} left, expected 0`,
    ].filter((p): p is string => typeof p === 'string');
    return {
      sold,
      refused,
      other: Object.fromEntries([...counts].filter(([s]) => s !== 201 && s !== 409)),
      remaining: after.remaining,
      answersPerSecond: round((sold + refused) / seconds),
      seconds: round(seconds, 2),
      healthPerSecond,
      problems,
    };
  } finally {
    await crowd.close();
    await setup.close();
  }
}

async function healthFloor(crowd: Api, connections: number): Promise<number> {
  let best = 0;
  for (let round_ = 0; round_ < 3; round_++) {
    const started = performance.now();
    await Promise.all(Array.from({ length: connections }, () => crowd.expect(200, 'GET', '/health')));
    best = Math.max(best, connections / ((performance.now() - started) / 1000));
  }
  return round(best);
}

export const benchFlashSalePostgres = (options: FlashSaleOptions): Promise<FlashSaleResult> =>
  onPostgres('flash', options.baselineSeconds, async (server, hotRowBaseline) => ({
    database: 'PostgreSQL',
    buyers: options.buyers,
    quantity: options.quantity,
    hotRowBaseline,
    ...(await openingSecond(server, options)),
  }));

export const benchFlashSalePglite = (options: FlashSaleOptions): Promise<FlashSaleResult> =>
  onPglite('flash', options.baselineSeconds, async (server, hotRowBaseline) => ({
    database: 'PGlite',
    buyers: options.buyers,
    quantity: options.quantity,
    hotRowBaseline,
    ...(await openingSecond(server, options)),
  }));

export function flashSaleTable(results: readonly FlashSaleResult[]): string {
  const rows = results.map((r) => {
    const percent = (of: number) => `${round((r.answersPerSecond / of) * 100, 1)}%`;
    return `| ${r.database} | ${r.buyers} → ${r.quantity} units | ${r.sold} sold, ${r.refused} × 409 | ${r.answersPerSecond} | ${round(r.hotRowBaseline)} | ${percent(r.hotRowBaseline)} | ${r.healthPerSecond} | ${percent(r.healthPerSecond)} |`;
  });
  return [
    '| database | crowd | outcome | answers/s | hot-row UPDATE/s | answers ÷ hot row | GET /health/s | answers ÷ /health |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
