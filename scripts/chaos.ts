import { parseArgs } from 'node:util';
import { cleanupAll, cleanupOnSignals } from '../bench/support/cleanup.js';
import { formatReport } from './chaos/report.js';
import { runChaos } from './chaos/run.js';

/**
 * `npm run chaos`: two Fission processes on one PostgreSQL under a mixed load while one of them is
 * SIGKILLed at random moments; exits 1 when an invariant broke. `npm run chaos -- --help` for options.
 */
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    kills: { type: 'string', default: '5' },
    users: { type: 'string', default: '6' },
    'stripe-failures': { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run chaos -- [--seconds 60] [--seed 1] [--kills 5] [--users 6] [--stripe-failures 5]
  --seconds  how long the load runs (the settling after it takes a little longer)
  --seed     draws the actions, their targets, the webhook replays and reorderings, and the kill moments
  --kills    how many times one of the two processes is SIGKILLed (then restarted)
  --users    virtual users acting at once
  --stripe-failures  percent of Stripe requests that fail: half with a 500 before the work, half
             with the work done and the answer lost`);
  process.exit(0);
}

const positive = (name: string, raw: string | undefined, min: number) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} must be an integer ≥ ${min} (got ${raw})`);
    process.exit(2);
  }
  return value;
};

cleanupOnSignals();
const began = performance.now();
try {
  const result = await runChaos({
    seconds: positive('seconds', args.seconds, 5),
    seed: positive('seed', args.seed, 0),
    kills: positive('kills', args.kills, 0),
    virtualUsers: positive('users', args.users, 1),
    stripeFailureRate: Math.min(positive('stripe-failures', args['stripe-failures'], 0), 100) / 100,
    log: (line) => console.log(`${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s  ${line}`),
  });
  console.log(`\n${formatReport(result)}`);
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await cleanupAll();
}
