import { performance } from 'node:perf_hooks';
import { Api } from './support/http.js';
import { createProduct, placeOrder, stockOf } from './support/shop.js';
import { countBy } from './support/stats.js';

export interface FlashCrowdResult {
  buyers: number;
  stock: number;
  sold: number;
  refused: number;
  other: Record<number, number>;
  stockLeft: number;
  /** From the first request sent to the last answer received. */
  seconds: number;
  /** Checkout decisions (sold or refused) per second: each one took the hot row's lock. */
  answersPerSecond: number;
  /** When the last 201 arrived, from the first request sent (a sale also records its payment). */
  lastSaleSeconds: number;
  /** What broke the invariant "exactly `stock` sold, the rest refused, nothing left"; empty if none. */
  problems: string[];
}

/**
 * A flash crowd: every buyer at once orders one unit of a variant with `stock` units. Exactly
 * `stock` must get 201, every other buyer 409, and the stock must end at zero.
 * Each buyer has their own connection, opened before the crowd so the figure is about checkout.
 */
export async function benchFlashCrowd(
  url: string,
  admin: string,
  buyers: readonly string[],
  stock: number,
): Promise<FlashCrowdResult> {
  const crowd = new Api(url, buyers.length);
  try {
    const setup = new Api(url, 1);
    const variantId = await createProduct(setup, admin, 'Flash sale', stock);
    await Promise.all(buyers.map(() => crowd.expect(200, 'GET', '/health')));

    const started = performance.now();
    let lastSaleSeconds = 0;
    const statuses = await Promise.all(
      buyers.map(async (token) => {
        const { status } = await placeOrder(crowd, token, variantId);
        if (status === 201) lastSaleSeconds = (performance.now() - started) / 1000;
        return status;
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const stockLeft = await stockOf(setup, variantId);
    await setup.close();
    const counts = countBy(statuses);
    const sold = counts.get(201) ?? 0;
    const refused = counts.get(409) ?? 0;
    const other = Object.fromEntries([...counts].filter(([status]) => status !== 201 && status !== 409));
    const problems = [
      sold !== stock && `${sold} sold, expected exactly ${stock}`,
      refused !== buyers.length - stock && `${refused} refused with 409, expected ${buyers.length - stock}`,
      stockLeft !== 0 && `stock ends at ${stockLeft}, expected 0`,
    ].filter((p): p is string => typeof p === 'string');
    return {
      buyers: buyers.length,
      stock,
      sold,
      refused,
      other,
      stockLeft,
      seconds,
      answersPerSecond: (sold + refused) / seconds,
      lastSaleSeconds,
      problems,
    };
  } finally {
    await crowd.close();
  }
}
