import { parseArgs } from 'node:util';
import { benchPglite } from './pglite.js';
import { benchPostgres } from './postgres.js';
import { markdownTable } from './report.js';
import type { ScenarioOptions, ScenarioResult } from './scenario.js';
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
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--database all|postgres|pglite] [--seconds 15] [--concurrency 12] [--buyers 1000]
  --seconds      length of each measured phase (pgbench, hot-row loop, checkout loop)
  --concurrency  simultaneous buyers in the checkout loop
  --buyers       size of the flash crowd (on 100 units)`);
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

cleanupOnSignals();
let postgres: ScenarioResult | undefined;
let pglite: ScenarioResult | undefined;
try {
  if (only === 'all' || only === 'postgres') {
    postgres = await benchPostgres({
      ...scenario,
      pgbenchScale: 8,
      pgbenchSeconds: seconds,
      pgbenchClients: 8,
    });
  }
  if (only === 'all' || only === 'pglite') {
    pglite = await benchPglite({ ...scenario, baselineSeconds: Math.min(seconds, 10) });
  }
} finally {
  await cleanupAll();
}

console.log(JSON.stringify({ date: new Date().toISOString(), postgres, pglite }, null, 2));
console.log(`\n${markdownTable(postgres, pglite)}`);
const problems = [...(postgres?.crowd.problems ?? []), ...(pglite?.crowd.problems ?? [])];
if (problems.length > 0) {
  console.error(`flash crowd broke its invariant: ${problems.join('; ')}`);
  process.exitCode = 1;
}
