import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from './postgres-cluster.js';
import { freePort } from './server-process.js';

/**
 * A hot-standby streaming replica of the test cluster (`pg_basebackup -R`: a copy of the data
 * folder that follows the primary's WAL), for the read-replica tests. The test cluster runs with
 * PostgreSQL's default wal_level=replica and trusts local replication connections (initdb's
 * pg_hba), so nothing on the primary needs changing.
 */
export interface Replica {
  /** postgres://… of the replica; the path is the primary URL's database. */
  url: string;
  stop(): void;
}

const asRoot = () => process.getuid?.() === 0;
const run = (cmd: string, args: string[]) => {
  const [c, a] = asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const result = spawnSync(c as string, a as string[], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
};

export async function startReplica(primaryUrl: string): Promise<Replica> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('a replica needs Debian postgresql (pg_basebackup)');
  const primary = new URL(primaryUrl);
  const dir = mkdtempSync(join(tmpdir(), 'fission-replica-'));
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(bin, 'pg_basebackup'), [
    ...['-h', primary.hostname, '-p', primary.port, '-U', primary.username || 'postgres'],
    ...['-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c hot_standby=on',
    // A standby needs at least the primary's max_connections (postgres-cluster.ts sets 400).
    '-c max_connections=400',
    '-c fsync=off',
  ].join(' ');
  try {
    run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-w', '-l', join(dir, 'log'), 'start']);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${readFileSync(join(dir, 'log'), 'utf8')}`);
  }
  const url = new URL(primaryUrl);
  url.host = `127.0.0.1:${port}`;
  let stopped = false;
  return {
    url: url.toString(),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
