import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/platform/clock.js';
import { type Database, openPglite, openPostgres } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { onCleanup } from './support/cleanup.js';
import {
  seedDueCommissions,
  settlementProblems,
  settleRowByRow,
  settleSetBased,
} from './support/commissions.js';
import { createDatabase, execSql, startBenchCluster } from './support/postgres.js';
import { round } from './support/stats.js';

export interface SettlementOptions {
  commissions: number;
  promoters: number;
}

export interface Timed {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface SettlementResult {
  database: 'PostgreSQL' | 'PGlite';
  commissions: number;
  promoters: number;
  seedSeconds: number;
  /** The job itself: `settleDueCommissions` through the distribution service, with its ledger postings. */
  job: Timed;
  /** Baselines on fresh copies of the same seeded database, run right before the job. */
  setBasedUpdate: Timed;
  rowByRowUpdate: Timed;
  /** Ledger invariants and settlement checks that failed after the job; empty when sound. */
  problems: string[];
}

type Copy = 'job' | 'set' | 'rows';

/** Three identical seeded databases: one for the job, one per baseline. */
interface Copies {
  seedSeconds: number;
  open(copy: Copy): Promise<Database>;
}

async function timed(work: () => Promise<number>): Promise<Timed> {
  const started = performance.now();
  const rows = await work();
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: rows / seconds };
}

async function seeded(db: Database, options: SettlementOptions, now: Date): Promise<number> {
  await migrate(db);
  const started = performance.now();
  await seedDueCommissions(db, options.commissions, options.promoters, now);
  return (performance.now() - started) / 1000;
}

/** PGlite in this process, on data directories like the server's: one seeded, then copied. */
async function pgliteCopies(options: SettlementOptions, now: Date): Promise<Copies> {
  const root = mkdtempSync(join(tmpdir(), 'fission-bench-settle-'));
  onCleanup(() => rmSync(root, { recursive: true, force: true }));
  const dir = (copy: Copy) => join(root, copy);
  const db = await openPglite({ dataDir: dir('job') });
  const seedSeconds = await seeded(db, options, now).finally(() => db.close());
  cpSync(dir('job'), dir('set'), { recursive: true });
  cpSync(dir('job'), dir('rows'), { recursive: true });
  return { seedSeconds, open: (copy) => openPglite({ dataDir: dir(copy) }) };
}

/** The test suite's temporary cluster: one database seeded, the others created from it as templates. */
async function postgresCopies(options: SettlementOptions, now: Date): Promise<Copies> {
  const cluster = startBenchCluster();
  const urls = { job: await createDatabase(cluster.adminUrl, 'settle_job') } as Record<Copy, string>;
  const db = openPostgres(urls.job);
  const seedSeconds = await seeded(db, options, now).finally(() => db.close());
  for (const copy of ['set', 'rows'] as const) {
    await execSql(cluster.adminUrl, `CREATE DATABASE settle_${copy} TEMPLATE settle_job`);
    const url = new URL(urls.job);
    url.pathname = `/settle_${copy}`;
    urls[copy] = url.toString();
  }
  return { seedSeconds, open: async (copy) => openPostgres(urls[copy]) };
}

async function onCopy<T>(copies: Copies, copy: Copy, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await copies.open(copy);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The real job through the composed app (not listening), as the job runner calls it. */
async function runJob(db: Database): Promise<{ job: Timed; problems: string[] }> {
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMITS: 'off', SEED_DEMO: '0' });
  const { app, services } = await buildApp({ config, db, clock: systemClock });
  try {
    const job = await timed(() => services.distribution.settleDue());
    const violations = await services.ledger.findViolations(db);
    const problems = [
      ...violations.map((v) => `ledger ${v.kind} ${v.id}: ${v.detail}`),
      ...(await settlementProblems(db, job.rows)),
    ];
    return { job, problems };
  } finally {
    await app.close();
  }
}

/**
 * Rows/s of the settlement job on `count` due commissions, against a set-based UPDATE and a
 * row-by-row UPDATE loop over the same rows on fresh copies, then the ledger checked.
 */
export async function benchSettlement(
  database: SettlementResult['database'],
  options: SettlementOptions,
): Promise<SettlementResult> {
  const now = new Date();
  console.error(`settlement (${database}): seeding ${options.commissions} due commissions`);
  const copies = await (database === 'PGlite' ? pgliteCopies : postgresCopies)(options, now);
  const setBasedUpdate = await onCopy(copies, 'set', (db) => timed(() => settleSetBased(db, now)));
  const rowByRowUpdate = await onCopy(copies, 'rows', (db) => timed(() => settleRowByRow(db, now)));
  const { job, problems } = await onCopy(copies, 'job', runJob);
  if (job.rows !== options.commissions) problems.push(`job settled ${job.rows} of ${options.commissions}`);
  return {
    database,
    ...options,
    seedSeconds: copies.seedSeconds,
    job,
    setBasedUpdate,
    rowByRowUpdate,
    problems,
  };
}

const rate = (t: Timed) => `${round(t.rowsPerSecond).toLocaleString('en')} rows/s`;
const percent = (part: Timed, whole: Timed) =>
  `${round((100 * part.rowsPerSecond) / whole.rowsPerSecond, 1)}%`;

/** The results as a Markdown table, the form bench/README.md keeps them in. */
export function settlementTable(results: readonly SettlementResult[]): string {
  return [
    '| database | rows | `settleDueCommissions` | set-based UPDATE | ratio | row-by-row UPDATE loop | ratio | ledger after |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results
      .map((r) =>
        [
          r.database,
          r.commissions.toLocaleString('en'),
          `${rate(r.job)} (${round(r.job.seconds, 2)} s)`,
          rate(r.setBasedUpdate),
          percent(r.job, r.setBasedUpdate),
          rate(r.rowByRowUpdate),
          percent(r.job, r.rowByRowUpdate),
          r.problems.length ? r.problems.join('; ') : 'sound ✓',
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
  ].join('\n');
}
