import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type ServerProcess, startServerProcess } from '../../support/server-process.js';
import { createEmptyPostgresDatabase } from '../../support/test-db.js';

/**
 * WORKERS=2 as an operator runs it: one primary, two workers on one port and one fresh PostgreSQL
 * (so the workers' migrations and admin creation race). A worker killed with SIGKILL is replaced
 * while the port keeps answering; SIGTERM to the primary stops every worker gracefully.
 */
let server: ServerProcess;
const admin = { email: 'ops@fission.test', password: 'ops-password' };

interface StartLine {
  worker?: number;
  pid: number;
  workers?: number;
  msg: string;
}

/** The workers' start lines (JSON logs), one per worker started so far. */
const startLines = (): StartLine[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line.includes('"workers":2') && line.includes('payments through'))
    .map((line) => JSON.parse(line) as StartLine);

/** Workers listening: each logs its ready line after listen (its start line comes before migrating). */
const listening = () =>
  server
    .output()
    .split('\n')
    .filter((line) => line.includes('Fission is ready')).length;

async function until<T>(what: string, probe: () => T | undefined, withinMs = 60_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  server = await startServerProcess({
    WORKERS: '2',
    DATABASE_URL: await createEmptyPostgresDatabase(),
    PUBLIC_URL: 'http://shop.test',
    SANDBOX_PAYMENTS: 'on',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMITS: 'off',
    SEED_DEMO: '0',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  });
  await until('both workers listening', () => (listening() >= 2 ? true : undefined));
}, 120_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  for (const line of startLines()) if (alive(line.pid)) process.kill(line.pid, 'SIGKILL');
});

describe('WORKERS=2 on PostgreSQL', () => {
  it('starts two workers, each saying so in its start line, under a primary', () => {
    const lines = startLines();
    expect(lines.map((l) => l.worker).sort()).toEqual([1, 2]);
    expect(new Set(lines.map((l) => l.pid)).size).toBe(2);
    expect(lines.every((l) => l.pid !== server.child.pid)).toBe(true);
    expect(lines[0]?.msg).toMatch(/WORKERS=2 \(this is worker \d, pid \d+\)/);
    expect(server.output()).toContain('WORKERS=2: starting 2 server processes');
  });

  it('migrates and creates the admin once although both workers start at once', async () => {
    const login = await call<{ token: string }>(server.url, 'POST', '/api/auth/login', { body: admin });
    expect(login.status).toBe(200);
    const applied = server
      .output()
      .split('\n')
      .filter((line) => line.includes('migrations applied'));
    expect(applied).toHaveLength(1);
  });

  it('replaces a worker killed with SIGKILL while the port keeps answering', async () => {
    const victim = startLines()[0] as StartLine;
    process.kill(victim.pid, 'SIGKILL');
    await until('the worker dying', () => (alive(victim.pid) ? undefined : true));
    // Connections open to the dead worker are lost (a proxy retries those); new ones reach the
    // other worker meanwhile: node:cluster stops handing connections to the dead one.
    const during = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${server.url}/health`, { headers: { connection: 'close' } }).then((r) => r.status),
      ),
    );
    expect(during.every((s) => s === 200)).toBe(true);
    const replacement = await until('a replacement worker', () => startLines()[2]);
    await until('the replacement listening', () => (listening() >= 3 ? true : undefined));
    expect(replacement.worker).toBe(3);
    expect(server.output()).toMatch(
      new RegExp(`worker ${victim.worker} died \\(SIGKILL\\); starting another`),
    );
    expect(alive(victim.pid)).toBe(false);
  }, 90_000);

  it('stops every worker when the primary gets SIGTERM, and exits 0', async () => {
    const workers = startLines().filter((l) => alive(l.pid));
    expect(workers).toHaveLength(2);
    expect(await server.stop('SIGTERM')).toBe(0);
    await until(
      'the workers exiting',
      () => (workers.every((w) => !alive(w.pid)) ? true : undefined),
      20_000,
    );
  }, 30_000);
});

describe('WORKERS on the embedded database', () => {
  it('is refused at start: one process owns the PGlite folder', async () => {
    await expect(startServerProcess({ WORKERS: '2', DATABASE_URL: '' })).rejects.toThrow(
      /Fission cannot start: WORKERS=2 needs PostgreSQL \(DATABASE_URL\)/,
    );
  });
});
