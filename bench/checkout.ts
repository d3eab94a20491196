import type { Api } from './support/http.js';
import { closedLoop } from './support/load.js';
import type { FissionServer } from './support/server.js';
import { createProduct, placeOrder } from './support/shop.js';
import { type Latency, latency } from './support/stats.js';

export interface CheckoutResult {
  ordersPerSecond: number;
  orders: number;
  latencyMs: Latency;
  /** The server process's CPU time per order (user + system), when the platform tells. */
  serverCpuMsPerOrder: number | undefined;
  /** Answers other than 201, by status. */
  failures: Record<number, number>;
}

export interface CheckoutOptions {
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  products: number;
}

/**
 * Checkout throughput: `concurrency` buyers in a closed loop, each POST /api/orders buying one unit
 * of a random product among `products` (plenty of stock, so stock rows rarely contend, as in a shop
 * selling many things at once). Counts 201s over `seconds`, after a warm-up that is not counted.
 */
export async function benchCheckout(
  server: FissionServer,
  api: Api,
  admin: string,
  buyers: readonly string[],
  options: CheckoutOptions,
): Promise<CheckoutResult> {
  const variants: string[] = [];
  for (let i = 0; i < options.products; i++) {
    variants.push(await createProduct(api, admin, `Checkout bench product ${i}`, 10_000_000));
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;
  const run = (seconds: number) =>
    closedLoop({
      concurrency: options.concurrency,
      seconds,
      ok: 201,
      request: async () => (await placeOrder(api, pick(buyers), pick(variants))).status,
    });
  await run(options.warmupSeconds);
  const cpuBefore = server.cpuSeconds();
  const result = await run(options.seconds);
  const cpuAfter = server.cpuSeconds();
  const orders = result.statuses.get(201) ?? 0;
  const failures = Object.fromEntries([...result.statuses].filter(([status]) => status !== 201));
  return {
    ordersPerSecond: orders / result.seconds,
    orders,
    latencyMs: latency(result.okLatenciesMs),
    serverCpuMsPerOrder:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : ((cpuAfter - cpuBefore) * 1000) / orders,
    failures,
  };
}
