import { createDatabase, startBenchCluster } from '../../bench/support/postgres.js';
import { openPostgres } from '../../src/platform/db.js';
import { type FakeStripeServer, startFakeStripe } from './fake-stripe-server.js';
import { type Fleet, startFleet } from './fleet.js';
import { seededRandom, sleep } from './http.js';
import { checkInvariants, type Facts, type Verdict } from './invariants.js';
import { createLoad, type LoadCounts } from './load.js';
import { CHAOS_ADMIN, openShop } from './shop.js';
import { WEBHOOK_SECRET, type WebhookCounts, webhookSender } from './webhooks.js';

export interface ChaosOptions {
  seconds: number;
  seed: number;
  kills: number;
  /** An empty or migrated database to run on; unset: a temporary PostgreSQL cluster of its own. */
  databaseUrl?: string;
  virtualUsers?: number;
  /** Share of Stripe requests that fail (half before the work, half after it with the answer lost). */
  stripeFailureRate?: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  options: Omit<ChaosOptions, 'log'>;
  load: LoadCounts;
  webhooks: WebhookCounts;
  stripe: ReturnType<FakeStripeServer['counts']>;
  kills: number;
  restarts: number;
  restartSeconds: number[];
  /** Answers the load did not expect, and webhook refusals, by kind: to read when something fails. */
  oddities: string[];
  /** What the invariants were checked against, to check them again (the checker's own test). */
  facts: Facts;
  verdicts: Verdict[];
  ok: boolean;
}

const GROUP_DEADLINE_MS = 31 * 60_000;

/**
 * Two Fission processes on one PostgreSQL, Stripe faked over HTTP, a bounded mixed load, and one
 * process SIGKILLed at `kills` random moments (and restarted); then every process is stopped and
 * the invariants are checked against what the run was told and what Stripe holds.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const cluster = options.databaseUrl ? undefined : startBenchCluster();
  let fleet: Fleet | undefined;
  let webhooks: ReturnType<typeof webhookSender> | undefined;
  // Stripe's refund events go out through the same unreliable sender as the payments'.
  const stripe = await startFakeStripe((event) => webhooks?.enqueue(event), {
    random: seededRandom(options.seed ^ 0x57e1),
    rate: options.stripeFailureRate ?? 0.05,
  });
  try {
    const databaseUrl =
      options.databaseUrl ??
      (await createDatabase((cluster as { adminUrl: string }).adminUrl, 'fission_chaos'));
    log('starting two server processes');
    fleet = await startFleet(2, {
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: 'http://shop.test',
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_chaos',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
      ADMIN_EMAIL: CHAOS_ADMIN.email,
      ADMIN_PASSWORD: CHAOS_ADMIN.password,
      RATE_LIMITS: 'off',
      SEED_DEMO: '0',
      TEST_CLOCK: '1',
      // Commissions settle when the order completes, so withdrawals have money to move.
      RETURN_WINDOW_DAYS: '0',
      JOB_POLL_MS: '200',
    });
    const shop = await openShop(fleet.pick(0), { buyers: 16, stock: 30 + options.seconds * 3 });
    webhooks = webhookSender(fleet, seededRandom(options.seed ^ 0x5eed));
    const load = createLoad({ fleet, stripe, webhooks, shop });

    log(`load for ${options.seconds} s with ${options.kills} kills (seed ${options.seed})`);
    // The load lasts `seconds`, and longer if restarts on a busy machine leave kills still to make.
    const until = Date.now() + options.seconds * 1000;
    let killing = true;
    const done = () => !killing && Date.now() >= until;
    const users = Array.from({ length: options.virtualUsers ?? 6 }, (_, i) =>
      load.virtualUser(seededRandom(options.seed * 31 + i + 1), done),
    );
    const killer = killAtRandomMoments(fleet, random, options, log).finally(() => {
      killing = false;
    });
    await Promise.all([...users, killer, letTimePass(fleet, options, log)]);

    log('load over: delivering webhooks, letting groups expire, waiting for the work to settle');
    await settle(fleet, webhooks, databaseUrl, log);
    const undelivered = await webhooks.drain(30_000);
    await fleet.stop();

    const facts: Facts = {
      acknowledgedOrderIds: load.acknowledged.map((o) => o.id),
      initialStock: new Map(shop.variants.map((v) => [v.id, v.initialStock])),
      providerBooks: stripe.books(),
      undeliveredWebhooks: undelivered,
    };
    const db = openPostgres(databaseUrl, 2);
    let verdicts: Verdict[];
    try {
      verdicts = await checkInvariants(db, facts);
    } finally {
      await db.close();
    }
    if (fleet.crashes.length > 0)
      verdicts.push({
        name: 'no process crashed by itself',
        ok: false,
        figures: `${fleet.crashes.length} crashed`,
        problems: fleet.crashes,
      });
    const oddities = [
      ...[...load.unexpected].map(([what, n]) => `${n}× ${what}`),
      ...[...webhooks.refusals].map(([what, n]) => `${n}× webhook answered ${what}`),
    ];
    return {
      options: { seconds: options.seconds, seed: options.seed, kills: options.kills },
      load: load.counts,
      webhooks: webhooks.counts,
      stripe: stripe.counts(),
      kills: fleet.kills,
      restarts: fleet.restarts,
      restartSeconds: fleet.restartSeconds,
      oddities,
      facts,
      verdicts,
      ok: verdicts.every((v) => v.ok),
    };
  } finally {
    await fleet?.stop();
    await stripe.close();
    await cluster?.stop();
  }
}

/**
 * SIGKILLs one of the two processes at `kills` moments drawn from the seed, one after another: the
 * other always serves, and a kill waits for the previous restart (the load waits for the kills).
 */
async function killAtRandomMoments(
  fleet: Fleet,
  random: ReturnType<typeof seededRandom>,
  options: ChaosOptions,
  log: (line: string) => void,
) {
  const start = Date.now();
  const moments = Array.from({ length: options.kills }, () => random.int(5, 85) / 100)
    .sort((a, b) => a - b)
    .map((share) => start + share * options.seconds * 1000);
  for (const moment of moments) {
    // A restart that outlasted the next moment: the next kill comes a second after it.
    await sleep(Math.max(1000, moment - Date.now()));
    const victim = random.int(0, 1);
    log(`SIGKILL process ${victim} at ${((Date.now() - start) / 1000).toFixed(1)} s`);
    await fleet.killAndRestart(victim, random.int(200, 1500));
    log(`process ${victim} answers again after ${fleet.restartSeconds.at(-1)?.toFixed(1)} s`);
  }
}

/**
 * Shop time passes during the load, 11 minutes at a quarter, half and three quarters of the run:
 * commission settlement runs (every 10 minutes), so withdrawals have money to move, and the groups
 * and unpaid orders of the first minutes reach their 30-minute deadlines while the load goes on.
 */
async function letTimePass(fleet: Fleet, options: ChaosOptions, log: (line: string) => void) {
  const start = Date.now();
  for (const share of [0.25, 0.5, 0.75]) {
    await sleep(Math.max(0, start + share * options.seconds * 1000 - Date.now()));
    await fleet.advanceClocks(11 * 60_000, { waitForDueWork: false });
    log('shop clocks moved 11 minutes on');
  }
}

/**
 * After the load: webhooks delivered, clocks moved past every group's deadline (failed groups
 * refund their members, unpaid orders expire, refunds a killed process left half-done are retried),
 * until no refund is open, no job is due and nothing is waiting to be delivered.
 */
async function settle(
  fleet: Fleet,
  webhooks: ReturnType<typeof webhookSender>,
  url: string,
  log: (l: string) => void,
) {
  await webhooks.drain(30_000);
  await fleet.advanceClocks(GROUP_DEADLINE_MS);
  const db = openPostgres(url, 1);
  try {
    const deadline = Date.now() + 90_000;
    for (let round = 0; Date.now() < deadline; round++) {
      await sleep(1000);
      await webhooks.drain(10_000);
      const [busy] = await db.query<{ refunds: number; jobs: number; groups: number }>(
        `SELECT
           (SELECT count(*) FROM refunds WHERE status = 'requested')::int AS refunds,
           (SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')
              AND run_at <= now() + make_interval(secs => $1::double precision / 1000))::int AS jobs,
           (SELECT count(*) FROM group_buy_groups WHERE status = 'open')::int AS groups`,
        [fleet.advancedMs()],
      );
      if (busy && busy.refunds === 0 && busy.jobs === 0 && busy.groups === 0 && webhooks.pending() === 0)
        return;
      log(`settling (round ${round + 1}): ${JSON.stringify(busy)}, ${webhooks.pending()} webhooks waiting`);
      // A refund claimed by a killed process is retried once it is stale: move time on.
      await fleet.advanceClocks(5 * 60_000);
    }
  } finally {
    await db.close();
  }
}
