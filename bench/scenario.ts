import { benchCheckout, type CheckoutOptions, type CheckoutResult } from './checkout.js';
import { benchFlashCrowd, type FlashCrowdResult } from './flash-crowd.js';
import { Api } from './support/http.js';
import type { FissionServer } from './support/server.js';
import { adminToken, registerBuyers } from './support/shop.js';

export interface ScenarioOptions {
  checkout: CheckoutOptions;
  /** How many of the registered buyers take part in the checkout loop. */
  checkoutBuyers: number;
  crowdBuyers: number;
  crowdStock: number;
}

/**
 * The baselines, each measured right before the Fission figure it is compared with, so that both see
 * the same machine load (other work on a shared 2-core machine changes it within a minute).
 */
export interface Baselines {
  checkout: () => Promise<number>;
  crowd: () => Promise<number>;
}

export interface ScenarioResult {
  checkoutBaseline: number;
  checkout: CheckoutResult;
  crowdBaseline: number;
  crowd: FlashCrowdResult;
  registerSeconds: number;
}

/** The orders benchmarks against one running Fission server: set-up, checkout loop, flash crowd. */
export async function runScenario(
  server: FissionServer,
  options: ScenarioOptions,
  baselines: Baselines,
): Promise<ScenarioResult> {
  const api = new Api(server.url, options.checkout.concurrency);
  try {
    const admin = await adminToken(api);
    const registering = Date.now();
    console.error(`registering ${Math.max(options.crowdBuyers, options.checkoutBuyers)} buyers`);
    const buyers = await registerBuyers(api, Math.max(options.crowdBuyers, options.checkoutBuyers), 4);
    const registerSeconds = (Date.now() - registering) / 1000;

    const checkoutBaseline = await baselines.checkout();
    console.error(
      `checkout: ${options.checkout.concurrency} buyers at a time, ${options.checkout.seconds} s`,
    );
    const checkout = await benchCheckout(
      server,
      api,
      admin,
      buyers.slice(0, options.checkoutBuyers),
      options.checkout,
    );

    const crowdBaseline = await baselines.crowd();
    console.error(`flash crowd: ${options.crowdBuyers} buyers on ${options.crowdStock} units`);
    const crowd = await benchFlashCrowd(
      server.url,
      admin,
      buyers.slice(0, options.crowdBuyers),
      options.crowdStock,
    );
    return { checkoutBaseline, checkout, crowdBaseline, crowd, registerSeconds };
  } finally {
    await api.close();
  }
}
