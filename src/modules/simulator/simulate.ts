import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { type CascadeHooks, figureOf, type Metric, runCascade } from './cascade.js';
import { type Graph, poissonGraph, powerLawGraph } from './graph.js';
import {
  behaviour,
  DEFAULT_PAYOUT_SHARE_LIMIT_BPS,
  orderBook,
  payoutWarning,
  policyWarnings,
  spread,
} from './rules.js';
import type { Rates, SimulationInput, SimulationResult, SyntheticPopulation } from './schemas.js';

/** The synthetic network, drawn from its own stream of the seed so that schemes A and B share it. */
export function populationGraph(population: SyntheticPopulation, seed: number): Graph {
  const rng = xoroshiro128plus(seed ^ 0x5f3759df);
  return population.degree === 'power-law'
    ? powerLawGraph(population.people, population.meanDegree, rng)
    : poissonGraph(population.people, population.meanDegree, rng);
}

/** A population ready to run: the shop's graph, its buyers and its rates (or a test's own graph). */
export interface PreparedPopulation {
  graph: Graph;
  rates: Rates;
  /** Fixed week-0 customers; without them `seedCustomers` are drawn anew each run. */
  seedPeople?: Int32Array;
  seedCustomers?: number;
}

function prepare(input: SimulationInput): PreparedPopulation {
  const { population } = input;
  if (population.kind !== 'synthetic') throw new Error('a shop population comes prepared');
  return {
    graph: populationGraph(population, input.seed),
    rates: population,
    seedCustomers: population.seedCustomers,
  };
}

/** One simulation, start to end, with no I/O: what the worker thread runs. */
export function simulate(
  input: SimulationInput,
  hooks: CascadeHooks = {},
  prepared: PreparedPopulation = prepare(input),
): SimulationResult {
  const { scheme, weeks } = input;
  const g = prepared.graph;
  const book = orderBook(scheme, prepared.rates);
  const b = behaviour(scheme, prepared.rates);
  const outcome = runCascade(
    {
      graph: g,
      ...b,
      book,
      weeks,
      runs: input.runs,
      seed: input.seed,
      seedCustomers: prepared.seedPeople?.length ?? prepared.seedCustomers ?? 0,
      ...(prepared.seedPeople ? { seedPeople: prepared.seedPeople } : {}),
    },
    hooks,
  );
  const runs = outcome.runs;
  const across = (metric: Metric, week: number) =>
    Float64Array.from({ length: runs }, (_, run) => figureOf(outcome, run, week, metric));
  const total = (metric: Metric) =>
    Float64Array.from({ length: runs }, (_, run) => {
      let sum = 0;
      for (let w = 0; w < weeks; w++) sum += figureOf(outcome, run, w, metric);
      return sum;
    });
  const mean = (values: Float64Array) => spread(values).mean;

  const totals = {
    gmv: spread(total('gmv')),
    orders: spread(total('orders')),
    newCustomers: spread(total('newCustomers')),
    payout: spread(total('payout')),
    marginAfterPayout: spread(total('marginAfterPayout')),
    grossMargin: mean(total('grossMargin')),
  };
  const warnings = policyWarnings(scheme);
  const overMargin = payoutWarning(
    totals.payout.mean,
    totals.grossMargin,
    input.payoutShareLimitBps ?? DEFAULT_PAYOUT_SHARE_LIMIT_BPS,
  );
  if (overMargin) warnings.push(overMargin);
  return {
    weeks: Array.from({ length: weeks }, (_, w) => ({
      week: w + 1,
      gmv: spread(across('gmv', w)),
      orders: spread(across('orders', w)),
      newCustomers: spread(across('newCustomers', w)),
      payout: spread(across('payout', w)),
      marginAfterPayout: spread(across('marginAfterPayout', w)),
      commissions: mean(across('commissions', w)),
      rewards: mean(across('rewards', w)),
      couponCost: mean(across('couponCost', w)),
      groupDiscounts: mean(across('groupDiscounts', w)),
    })),
    totals,
    warnings,
    model: {
      people: g.people,
      friendships: g.neighbours.length / 2,
      shareProbability: b.shareProbability,
      conversionProbability: b.conversionProbability,
    },
  };
}
