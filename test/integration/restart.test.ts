import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/paths.js';
import { createPostgresDatabase, testDialect } from '../support/test-db.js';

/**
 * The real entry point as an operator runs it: started, stopped with SIGTERM, started again on the
 * same data. On PGlite this proves the graceful shutdown leaves a clean data directory behind; on
 * PostgreSQL, that a second start finds its migrations done and its data in place.
 */

interface Server {
  child: ChildProcess;
  url: string;
  output(): string;
  exit: Promise<number | string | null>;
}

const running = new Set<ChildProcess>();
let storage: Record<string, string>;
let dataDir: string | undefined;

beforeAll(async () => {
  if (testDialect === 'postgres') {
    // A test shop: the sandbox is off on PostgreSQL unless asked for.
    storage = {
      DATABASE_URL: await createPostgresDatabase(),
      SANDBOX_PAYMENTS: 'on',
      PUBLIC_URL: 'http://shop.test',
    };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'fission-restart-'));
    storage = { DATA_DIR: dataDir, DATABASE_URL: '' };
  }
});

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ...storage,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      LOG_LEVEL: 'warn',
      SEED_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    }),
  );
  const server = { child, url: `http://127.0.0.1:${port}`, output: () => output, exit };
  await waitForHealth(server);
  return server;
}

// The first start migrates and seeds the whole demo shop (on PGlite, under a busy suite: a minute).
async function waitForHealth(server: Server, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exit.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    const ok = await fetch(`${server.url}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer /health (exited: ${exited}):\n${server.output()}`);
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  return server.exit;
}

const call = (server: Server, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const productCount = async (server: Server) =>
  ((await (await call(server, '/api/products?limit=100')).json()) as { items: unknown[] }).items.length;

const account = { email: 'restart@example.com', password: 'survives a restart', name: 'Restart' };

describe('stopping with SIGTERM and starting again', () => {
  it('exits with 0 and keeps every account and product', { timeout: 180_000 }, async () => {
    const first = await startServer();
    const products = await productCount(first);
    if (testDialect === 'pglite') expect(products).toBeGreaterThanOrEqual(30);
    expect((await call(first, '/api/auth/register', account)).status).toBe(201);
    expect(await stop(first)).toBe(0);

    const second = await startServer();
    expect(await productCount(second)).toBe(products);
    const login = await call(second, '/api/auth/login', { email: account.email, password: account.password });
    expect(login.status).toBe(200);
    expect(await stop(second)).toBe(0);
    // pino levels 50 and 60 are error and fatal.
    expect(first.output() + second.output()).not.toMatch(/"level":(50|60)|corrupt/i);
  });
});
