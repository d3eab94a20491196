/**
 * The demo's incentive simulator (console → Incentive simulator): a finished comparison of two
 * schemes on a synthetic network of 20,000 people, so the page opens on a chart. Scheme B pays a
 * third commission level under the cn-strict profile, so its warnings show too.
 */
import type { BuiltApp } from '../app.js';
import type { SimulationInput } from '../modules/simulator/index.js';

type Services = BuiltApp['services'];

const population: SimulationInput['population'] = {
  kind: 'synthetic',
  people: 20_000,
  degree: 'power-law',
  meanDegree: 8,
  seedCustomers: 40,
  shareRate: 2500,
  visitRate: 3000,
  orderRate: 1500,
  repeatRate: 500,
  averageOrderValue: 9900,
  marginBps: 3500,
};

export const demoSchemes: readonly SimulationInput['scheme'][] = [
  {
    name: 'A',
    commissionBps: [1000],
    groupBuy: null,
    invitationReward: 500,
    coupon: null,
    policyProfile: 'default',
  },
  {
    name: 'B',
    commissionBps: [800, 400, 200],
    groupBuy: { size: 3, discountBps: 1500 },
    invitationReward: 0,
    coupon: { amountOff: 1000, minSpend: 5000 },
    policyProfile: 'cn-strict',
  },
];

export async function seedDemoSimulations(
  services: Services,
  adminId: string,
): Promise<{ simulations: number }> {
  for (const scheme of demoSchemes) {
    await services.simulator.runInline({ scheme, population, weeks: 12, runs: 20, seed: 2026 }, adminId);
  }
  return { simulations: demoSchemes.length };
}
