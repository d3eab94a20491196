import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.js';

/**
 * Debian's pgbouncer in transaction pooling mode in front of a PostgreSQL server, for tests: each
 * transaction may run on a different server connection, so anything relying on session state
 * (SET, session advisory locks, LISTEN, temp tables, named prepared statements) breaks through it.
 */
export const PGBOUNCER = '/usr/sbin/pgbouncer';
export const hasPgbouncer = () => existsSync(PGBOUNCER);

export interface Pgbouncer {
  /** The same database and user as the server URL given, through pgbouncer. */
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startPgbouncer(serverUrl: string, poolSize = 3): Promise<Pgbouncer> {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'fission-pgbouncer-'));
  const port = await freePort();
  writeFileSync(join(dir, 'users.txt'), `"${server.username}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `admin_users = ${server.username}`,
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      // Fewer server connections than the app's pool, so transactions really change connection.
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 500',
      'ignore_startup_parameters = extra_float_digits,options',
    ].join('\n'),
  );
  // pgbouncer refuses to run as root; Debian's postgresql package brings the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    for (const f of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(dir, f), uid, gid);
  }
  const [cmd, args] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', PGBOUNCER, join(dir, 'pgbouncer.ini')]]
    : [PGBOUNCER, [join(dir, 'pgbouncer.ini')]];
  const child: ChildProcess = spawn(cmd as string, args as string[], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = new URL(serverUrl);
  url.host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url.toString() });
    const ok = await client.connect().then(
      () => client.end().then(() => true),
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pgbouncer did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: url.toString(),
    output: () => output,
    async stop() {
      // runuser passes the signal on to pgbouncer.
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
