import { mkdirSync } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { demoAdmin, demoPeople } from './demo/people.js';
import { seedDemoShop } from './demo/seed.js';
import { DEMO_HISTORY_DAYS } from './demo/time.js';
import { answerBackupRequests, DataDirInUse, holdDataDir } from './platform/backup.js';
import { AdjustableClock, days, systemClock } from './platform/clock.js';
import { ignoreTerminalInterruptInWorker, isPrimary, runPrimary, workerId } from './platform/cluster.js';
import { type Database, openPglite, openPostgres } from './platform/db.js';
import { withReadReplica } from './platform/db-read.js';
import { migrate } from './platform/migrate.js';

async function openDatabase(config: ReturnType<typeof loadConfig>): Promise<Database> {
  if (config.databaseUrl) {
    const primary = openPostgres(config.databaseUrl, {
      preparedStatements: config.databasePreparedStatements,
      listenUrl: config.databaseListenUrl,
    });
    return config.databaseReadUrl
      ? withReadReplica(primary, config.databaseReadUrl, {
          preparedStatements: config.databasePreparedStatements,
        })
      : primary;
  }
  mkdirSync(config.dataDir, { recursive: true });
  // One process per PGlite folder: a second would corrupt it. `npm run backup` asks this one.
  const release = holdDataDir(config.dataDir);
  const db = await openPglite({ dataDir: config.dataDir });
  const stopAnswering = answerBackupRequests(db.raw, config.dataDir, (msg) => console.log(msg));
  return {
    ...db,
    async close() {
      stopAnswering();
      await db.close();
      release();
    },
  };
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Fission cannot start: ${error.message}`);
    process.exit(1);
  }
  if (config.workers > 1 && isPrimary()) {
    runPrimary(config.workers, pino(startLogger(config)));
    return;
  }
  let db: Database;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (!(error instanceof DataDirInUse)) throw error;
    console.error(`Fission cannot start: ${error.message}`);
    process.exit(1);
  }
  const demo = config.seedDemo && db.dialect === 'pglite';
  // The demo shop is loaded as a fortnight's trading: the clock starts in the past, and the seed
  // brings it to the present before the server listens (src/demo/time.ts).
  const demoClock = demo ? new AdjustableClock(-days(DEMO_HISTORY_DAYS)) : undefined;
  const clock = demoClock ?? (config.testClock ? new AdjustableClock() : systemClock);
  const { app, jobs, services } = await buildApp({ config, db, clock, logger: startLogger(config) });
  // What this process takes money through, in one line an operator reads at start.
  const onOff = (value: boolean) => (value ? 'on' : 'off');
  app.log.info(
    {
      database: db.dialect,
      paymentProvider: config.paymentProvider,
      sandbox: config.sandboxPayments,
      stripe: Boolean(config.stripe),
      testClock: config.testClock,
      demo,
      policyProfile: config.policyProfile,
      workers: config.workers,
      worker: workerId(),
    },
    `payments through ${config.paymentProvider}; sandbox ${onOff(config.sandboxPayments)}, ` +
      `Stripe ${onOff(Boolean(config.stripe))}, test clock ${onOff(config.testClock)}, demo shop ${onOff(demo)}, ` +
      `market policy ${config.policyProfile}, WORKERS=${config.workers}` +
      (workerId() ? ` (this is worker ${workerId()}, pid ${process.pid})` : ''),
  );
  if (config.sandboxPayments && db.dialect === 'postgres') {
    app.log.warn(
      'SANDBOX_PAYMENTS is on against PostgreSQL: ANY BUYER CAN MARK ORDERS PAID FOR FREE (and earn and ' +
        'withdraw commission on them). Turn it off for a shop that takes real money.',
    );
  }
  const applied = await migrate(db);
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (config.adminEmail && config.adminPassword) {
    await services.accounts.ensureAdmin(config.adminEmail, config.adminPassword);
  }
  if (demoClock) {
    const seeded = await seedDemoShop(services, db, { clock: demoClock, jobs });
    if (seeded) app.log.info(seeded, 'demo shop loaded');
  }

  // Stop order matters: stop taking requests and let in-flight ones finish, stop jobs, then close
  // the database, so PGlite writes a clean state to disk.
  // Under WORKERS=N the primary turns Ctrl-C into one SIGTERM per worker.
  ignoreTerminalInterruptInWorker();
  closeWithGrace({ delay: 15_000, skip: workerId() ? ['SIGINT'] : [] }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'stopping after an error');
    else app.log.info({ signal }, 'stopping');
    await app.close();
    await jobs.stop();
    await db.close();
  });

  await app.listen({ port: config.port, host: config.host });
  jobs.start(config.jobPollMs);
  app.log.info(readyLine(config, demo && !config.adminEmail));
}

/** Pretty, coloured lines for a person at a terminal; JSON lines for a log collector otherwise. */
function startLogger({ logLevel: level, logFormat }: ReturnType<typeof loadConfig>) {
  const pretty = logFormat === 'pretty' || (logFormat === 'auto' && process.stdout.isTTY);
  if (!pretty) return { level };
  return {
    level,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } },
  };
}

/** The one line that says where to go and, with the demo shop, how to sign in. */
function readyLine(config: ReturnType<typeof loadConfig>, demoAdminCreated: boolean): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${host}:${config.port}`;
  if (!demoAdminCreated) return `Fission is ready: open ${url}`;
  const buyer = demoPeople.find((person) => person.key === 'buyer1');
  return (
    `Fission is ready: open ${url} — demo shop: sign in as ${demoAdmin.email} / ${demoAdmin.password} ` +
    `(operator) or ${buyer?.email} / ${buyer?.password} (buyer); more people in the README`
  );
}

await main();
