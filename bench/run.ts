import { parseArgs } from 'node:util';
import {
  benchFlashSalePglite,
  benchFlashSalePostgres,
  type FlashSaleResult,
  flashSaleTable,
} from './flash-sale.js';
import {
  benchGroupBuyPglite,
  benchGroupBuyPostgres,
  type GroupBuyResult,
  groupBuyTable,
} from './groupbuy.js';
import { benchPglite } from './pglite.js';
import { benchPostgres } from './postgres.js';
import { benchRecommendations, type RecommendationsResult, recommendationsTable } from './recommendations.js';
import { benchRedirect, type RedirectResult, redirectTable } from './redirect.js';
import { markdownTable } from './report.js';
import type { ScenarioOptions, ScenarioResult } from './scenario.js';
import { benchSettlement, type SettlementResult, settlementTable } from './settlement.js';
import { benchSimulator, type SimulatorResult, simulatorTable } from './simulator.js';
import { cleanupAll, cleanupOnSignals } from './support/cleanup.js';

/**
 * The orders benchmarks, each as a ratio against a baseline measured in the same run on the same
 * database (the machine is shared and noisy). `npm run bench -- --help` lists the options.
 */
const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'all' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '12' },
    buyers: { type: 'string', default: '1000' },
    only: { type: 'string', default: 'all' },
    rounds: { type: 'string', default: '3' },
    'round-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    commissions: { type: 'string', default: '10000' },
    joiners: { type: 'string', default: '400' },
    'group-rounds': { type: 'string', default: '3' },
    'recs-rounds': { type: 'string', default: '3' },
    'sim-runs': { type: 'string', default: '100' },
    workers: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--only all|orders,redirect,settlement] [--database all|postgres|pglite] [--seconds 15] [--concurrency 12] [--buyers 1000]
  [--rounds 3] [--round-seconds 10] [--connections 50] [--commissions 10000]
  --only         which benchmarks to run, comma-separated (default: all)
  --seconds      length of each measured phase (pgbench, hot-row loop, checkout loop)
  --concurrency  simultaneous buyers in the checkout loop
  --buyers       size of the flash crowd (on 100 units)
  --rounds, --round-seconds, --connections   redirect: alternating rounds per side, their length, autocannon connections
  --commissions  settlement: due commissions seeded (--database picks PGlite, PostgreSQL or both)
  --joiners, --group-rounds   groupbuy: people racing to join one hot group of 100, and how many such groups
  flashsale: --buyers buyers at once on a flash sale of 100 units (per-person limit 1)
  --recs-rounds  recommendations: trainings on LastFM-sized synthetic data (different seeds)
  --sim-runs     simulator: Monte-Carlo runs per simulation (100k and 1M people, 12 weeks)
  --workers      orders on PostgreSQL: WORKERS=N server processes (node:cluster) behind the one port`);
  process.exit(0);
}

const seconds = Number(args.seconds);
const scenario: ScenarioOptions = {
  checkout: { concurrency: Number(args.concurrency), seconds, warmupSeconds: 3, products: 16 },
  checkoutBuyers: 64,
  crowdBuyers: Number(args.buyers),
  crowdStock: 100,
};
const only = args.database;
const BENCHMARKS = [
  'orders',
  'redirect',
  'settlement',
  'groupbuy',
  'flashsale',
  'recommendations',
  'simulator',
];
const selected = args.only === 'all' ? BENCHMARKS : args.only.split(',');
const unknown = selected.filter((name) => !BENCHMARKS.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const runs = (name: string) => selected.includes(name);

cleanupOnSignals();
let postgres: ScenarioResult | undefined;
let pglite: ScenarioResult | undefined;
let redirect: RedirectResult | undefined;
const settlement: SettlementResult[] = [];
const groupBuys: GroupBuyResult[] = [];
const flashSales: FlashSaleResult[] = [];
let recommendations: RecommendationsResult | undefined;
let simulator: SimulatorResult | undefined;
try {
  if (runs('orders') && (only === 'all' || only === 'postgres')) {
    postgres = await benchPostgres({
      ...scenario,
      pgbenchScale: 8,
      pgbenchSeconds: seconds,
      pgbenchClients: 8,
      workers: Number(args.workers),
    });
  }
  if (runs('orders') && (only === 'all' || only === 'pglite')) {
    pglite = await benchPglite({ ...scenario, baselineSeconds: Math.min(seconds, 10) });
  }
  if (runs('redirect')) {
    const shape = {
      rounds: Number(args.rounds),
      roundSeconds: Number(args['round-seconds']),
      warmupSeconds: 3,
      connections: Number(args.connections),
      pipelining: 1,
    };
    const databases = (
      [
        ['PGlite', 'pglite'],
        ['PostgreSQL', 'postgres'],
      ] as const
    )
      .filter(([, flag]) => only === 'all' || only === flag)
      .map(([name]) => name);
    const results = [];
    for (const database of databases) results.push(await benchRedirect(shape, database));
    redirect = { options: shape, comparisons: results.flatMap((r) => r.comparisons) };
  }
  const settle = { commissions: Number(args.commissions), promoters: 500 };
  if (runs('settlement') && (only === 'all' || only === 'pglite')) {
    settlement.push(await benchSettlement('PGlite', settle));
  }
  if (runs('settlement') && (only === 'all' || only === 'postgres')) {
    settlement.push(await benchSettlement('PostgreSQL', settle));
  }
  const group = {
    joiners: Number(args.joiners),
    rounds: Number(args['group-rounds']),
    baselineSeconds: Math.min(seconds, 10),
  };
  if (runs('groupbuy') && (only === 'all' || only === 'postgres'))
    groupBuys.push(await benchGroupBuyPostgres(group));
  if (runs('groupbuy') && (only === 'all' || only === 'pglite'))
    groupBuys.push(await benchGroupBuyPglite(group));
  const flash = { buyers: Number(args.buyers), quantity: 100, baselineSeconds: Math.min(seconds, 10) };
  if (runs('flashsale') && (only === 'all' || only === 'postgres'))
    flashSales.push(await benchFlashSalePostgres(flash));
  if (runs('flashsale') && (only === 'all' || only === 'pglite'))
    flashSales.push(await benchFlashSalePglite(flash));
  if (runs('recommendations')) recommendations = benchRecommendations(Number(args['recs-rounds']));
  if (runs('simulator')) simulator = await benchSimulator(Number(args['sim-runs']));
} finally {
  await cleanupAll();
}

console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      postgres,
      pglite,
      redirect,
      settlement,
      groupBuys,
      flashSales,
      recommendations,
      simulator,
    },
    null,
    2,
  ),
);
if (postgres || pglite) console.log(`\n${markdownTable(postgres, pglite)}`);
if (redirect) console.log(`\n${redirectTable(redirect)}`);
if (settlement.length > 0) console.log(`\n${settlementTable(settlement)}`);
if (groupBuys.length > 0) console.log(`\n${groupBuyTable(groupBuys)}`);
if (flashSales.length > 0) console.log(`\n${flashSaleTable(flashSales)}`);
if (recommendations) console.log(`\n${recommendationsTable(recommendations)}`);
if (simulator) console.log(`\n${simulatorTable(simulator)}`);
const problems = [
  ...(postgres?.crowd.problems ?? []),
  ...(pglite?.crowd.problems ?? []),
  ...flashSales.flatMap((f) => f.problems),
];
if (problems.length > 0) {
  console.error(`flash crowd broke its invariant: ${problems.join('; ')}`);
  process.exitCode = 1;
}
const lostClicks = redirect?.comparisons.filter((c) => c.clicks.counted < c.clicks.answered) ?? [];
const unsound = settlement.filter((r) => r.problems.length > 0);
const overfull = groupBuys.filter((r) => r.problems.length > 0);
if (overfull.length > 0) {
  console.error(`group buy broke its invariant: ${overfull.flatMap((r) => r.problems).join('; ')}`);
  process.exitCode = 1;
}
if (lostClicks.length > 0 || unsound.length > 0) {
  console.error(
    `clicks lost: ${lostClicks.map((c) => c.visitor).join(', ') || 'none'}; ` +
      `settlement unsound on: ${unsound.map((r) => r.database).join(', ') || 'none'}`,
  );
  process.exitCode = 1;
}
