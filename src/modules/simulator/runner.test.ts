import { describe, expect, it } from 'vitest';
import { startSimulationWorker } from './runner.js';
import type { SimulationInput, SimulationResult } from './schemas.js';
import { simulate } from './simulate.js';

const input: SimulationInput = {
  scheme: {
    commissionBps: [800],
    groupBuy: null,
    invitationReward: 0,
    coupon: null,
    policyProfile: 'default',
  },
  population: {
    kind: 'synthetic',
    people: 20_000,
    degree: 'poisson',
    meanDegree: 6,
    seedCustomers: 50,
    shareRate: 4000,
    visitRate: 3000,
    orderRate: 2000,
    repeatRate: 300,
    averageOrderValue: 5000,
    marginBps: 3000,
  },
  weeks: 8,
  runs: 40,
  seed: 7,
};

describe('the simulation worker', () => {
  it('reports rising progress and then the same result as running it here', async () => {
    const progress: number[] = [];
    const result = await new Promise<SimulationResult>((resolve, reject) => {
      startSimulationWorker(input, {
        onProgress: (p) => progress.push(p),
        onDone: resolve,
        onError: (message) => reject(new Error(message)),
      });
    });
    expect(result).toEqual(simulate(input));
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops on cancel: no result ever arrives', async () => {
    const big = { ...input, population: { ...input.population, people: 500_000 }, runs: 1000 };
    let finished = false;
    let sawProgress!: () => void;
    const started = new Promise<void>((resolve) => {
      sawProgress = resolve;
    });
    const running = startSimulationWorker(big, {
      onProgress: (p) => {
        if (p > 0.1) sawProgress();
      },
      onDone: () => {
        finished = true;
      },
      onError: () => {
        finished = true;
      },
    });
    await started;
    const before = Date.now();
    await running.cancel();
    expect(Date.now() - before).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(finished).toBe(false);
  });
});
