import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Cluster, findPostgresBin, startCluster } from '../../test/support/postgres-cluster.js';
import { onCleanup } from './cleanup.js';

const run = promisify(execFile);

export interface BenchCluster {
  bin: string;
  adminUrl: string;
  stop(): Promise<void>;
}

/** A temporary PostgreSQL cluster (the test suite's helper), stopped by cleanup on any exit path. */
export function startBenchCluster(): BenchCluster {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
  const cluster: Cluster = startCluster(bin);
  const stop = onCleanup(() => cluster.stop());
  return { bin, adminUrl: cluster.adminUrl, stop };
}

/** Creates a database on the cluster and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function execSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Like the cluster helper: PostgreSQL's tools run as the `postgres` user when we are root.
const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];

function connectionArgs(url: string): string[] {
  const u = new URL(url);
  return ['-h', u.hostname, '-p', u.port, '-U', u.username, u.pathname.slice(1)];
}

async function pgbench(bin: string, url: string, args: string[]): Promise<string> {
  const [cmd, argv] = asPostgres(join(bin, 'pgbench'), [...args, ...connectionArgs(url)]);
  const { stdout } = await run(cmd, argv, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** The tps pgbench reports, excluding connection set-up (PostgreSQL 14+ prints only this line). */
export function parseTps(output: string): number {
  const match = /^tps = ([\d.]+)/m.exec(output);
  if (!match?.[1]) throw new Error(`no tps in pgbench output:\n${output}`);
  return Number(match[1]);
}

export interface PgbenchLoad {
  clients: number;
  threads: number;
  seconds: number;
}

const loadArgs = (load: PgbenchLoad) => [
  '-c',
  String(load.clients),
  '-j',
  String(load.threads),
  '-T',
  String(load.seconds),
];

/** Standard TPC-B-like pgbench: initialise at `scale`, then run `load`; returns tps. */
export async function pgbenchTpcb(bin: string, url: string, scale: number, load: PgbenchLoad) {
  await pgbench(bin, url, ['-i', '-q', '-s', String(scale)]);
  return parseTps(await pgbench(bin, url, loadArgs(load)));
}

/**
 * The hot-row ceiling: every client updates the same single row, one statement per transaction
 * (autocommit), which is the most a row lock lets through. Returns tps.
 */
export async function pgbenchHotRow(bin: string, url: string, load: PgbenchLoad) {
  await execSql(
    url,
    `CREATE TABLE hot_row (id int PRIMARY KEY, n bigint NOT NULL);
     INSERT INTO hot_row VALUES (1, 0);`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'fission-bench-'));
  try {
    chmodSync(dir, 0o755); // readable by the postgres user pgbench runs as
    const script = join(dir, 'hot-row.sql');
    writeFileSync(script, 'UPDATE hot_row SET n = n + 1 WHERE id = 1;\n', { mode: 0o644 });
    return parseTps(await pgbench(bin, url, ['-n', '-f', script, ...loadArgs(load)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
