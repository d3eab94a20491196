import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBareRedirect } from './support/bare-server.js';
import { fire, type LoadShape, type Round } from './support/cannon.js';
import { onCleanup } from './support/cleanup.js';
import { Api } from './support/http.js';
import { createDatabase, startBenchCluster } from './support/postgres.js';
import { type FissionServer, startFission } from './support/server.js';
import { adminToken } from './support/shop.js';
import { round } from './support/stats.js';

export interface RedirectOptions {
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  connections: number;
  pipelining: number;
}

export type Visitor = 'first click' | 'returning visitor';

export type RedirectDatabase = 'PGlite' | 'PostgreSQL';

export interface RedirectComparison {
  database: RedirectDatabase;
  visitor: Visitor;
  bare: Round[];
  fission: Round[];
  /** Ratio of the median Fission round to the median bare round (requests/s). */
  ratio: number;
  /** Fission/bare of each pair of rounds run back to back, lowest to highest. */
  roundRatios: number[];
  /**
   * Bare server CPU per request over Fission's, medians of the rounds: the ratio the two would reach
   * if each had a core of its own, which other work on the machine changes far less than requests/s.
   */
  cpuRatio: number | undefined;
  /** Clicks the database holds for the link against the 3xx answers the load generator counted. */
  clicks: { counted: number; answered: number };
}

export interface RedirectResult {
  options: RedirectOptions;
  comparisons: RedirectComparison[];
}

interface Link {
  code: string;
}

/** The round in the middle by requests/s (the lower middle for an even count). */
export const medianRound = (rounds: readonly Round[]): Round => {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)] as Round;
};

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

function ratios(bare: readonly Round[], fission: readonly Round[]) {
  const cpu = (rounds: readonly Round[]) => median(rounds.map((r) => r.serverCpuUsPerRequest ?? Number.NaN));
  const cpuRatio = cpu(bare) / cpu(fission);
  return {
    ratio: medianRound(fission).requestsPerSecond / medianRound(bare).requestsPerSecond,
    roundRatios: fission
      .map((f, i) => f.requestsPerSecond / (bare[i] as Round).requestsPerSecond)
      .sort((a, b) => a - b),
    cpuRatio: Number.isNaN(cpuRatio) ? undefined : cpuRatio,
  };
}

/** A promoter with one share link per product, made through the public API as the web app does. */
async function shareLinks(api: Api, count: number): Promise<{ owner: string; links: Link[] }> {
  const admin = await adminToken(api);
  const owner = (
    await api.expect<{ token: string }>(201, 'POST', '/api/auth/register', {
      body: { email: 'promoter@bench.test', password: 'bench promoter pass', name: 'Bench Promoter' },
    })
  ).token;
  const links: Link[] = [];
  for (let n = 0; n < count; n++) {
    const product = await api.expect<{ id: string }>(201, 'POST', '/api/admin/products', {
      token: admin,
      body: { title: `Shared ${n}`, variants: [{ sku: `SHARED-${n}`, price: 1990, stock: 10 }] },
    });
    links.push(
      await api.expect<Link>(201, 'POST', '/api/share-links', {
        token: owner,
        body: { productId: product.id },
      }),
    );
  }
  return { owner, links };
}

/** Where the link redirects to, asked once (that click counts like any other). */
async function landingOf(server: FissionServer, code: string): Promise<string> {
  const res = await fetch(`${server.url}/s/${code}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`GET /s/${code} answered ${res.status}`);
  return location;
}

async function clicksOf(api: Api, owner: string, code: string): Promise<number> {
  const stats = await api.expect<{ clicks: number }>(200, 'GET', `/api/share-links/${code}/stats`, {
    token: owner,
  });
  return stats.clicks;
}

/**
 * Warm-up on both, then rounds alternating bare, Fission, bare, Fission … so both sides see the same
 * machine load; each side's figure is its median round.
 */
async function compare(
  bare: FissionServer,
  fission: FissionServer,
  code: string,
  shape: LoadShape,
  options: RedirectOptions,
) {
  const path = `/s/${code}`;
  const warmup = { ...shape, seconds: options.warmupSeconds };
  await fire(bare, path, warmup);
  const fissionWarmup = await fire(fission, path, warmup);
  const rounds = { bare: [] as Round[], fission: [] as Round[] };
  for (let r = 0; r < options.rounds; r++) {
    rounds.bare.push(await fire(bare, path, shape));
    rounds.fission.push(await fire(fission, path, shape));
    const [b, f] = [rounds.bare.at(-1) as Round, rounds.fission.at(-1) as Round];
    console.error(
      `  round ${r + 1}: bare ${round(b.requestsPerSecond)}/s, Fission ${round(f.requestsPerSecond)}/s`,
    );
  }
  const answered = [fissionWarmup, ...rounds.fission].reduce((sum, r) => sum + r.redirects, 0);
  return { ...rounds, answered };
}

/** The server's database: embedded PGlite in a temp folder, or a database on a temporary cluster. */
async function databaseEnv(
  database: RedirectDatabase,
): Promise<{ env: Record<string, string>; stop(): Promise<void> }> {
  if (database === 'PostgreSQL') {
    const cluster = startBenchCluster();
    const url = await createDatabase(cluster.adminUrl, 'fission_redirect');
    return { env: { DATABASE_URL: url }, stop: () => cluster.stop() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'fission-bench-data-'));
  const removeData = onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, stop: removeData };
}

/**
 * `GET /s/:code` on the real server (child process, on embedded PGlite or PostgreSQL) against a
 * bare Fastify 302 of the same shape in another child process, driven by autocannon from this
 * process with the same connections and pipelining: first clicks (no cookies; Fission mints a
 * device id each time), then a returning visitor (device and ref cookies sent).
 */
export async function benchRedirect(
  options: RedirectOptions,
  database: RedirectDatabase,
): Promise<RedirectResult> {
  const storage = await databaseEnv(database);
  try {
    const fission = await startFission(storage.env);
    const api = new Api(fission.url, 2);
    try {
      const { owner, links } = await shareLinks(api, 2);
      const [first, returning] = links as [Link, Link];
      const probed = { [first.code]: 1 };
      const bare = await startBareRedirect(await landingOf(fission, first.code));
      try {
        const shape = {
          connections: options.connections,
          pipelining: options.pipelining,
          seconds: options.roundSeconds,
        };
        const visitors: [Visitor, string, LoadShape][] = [
          ['first click', first.code, shape],
          [
            'returning visitor',
            returning.code,
            {
              ...shape,
              headers: { cookie: `fission_ref=${returning.code}; fission_device=${'d'.repeat(22)}` },
            },
          ],
        ];
        const comparisons: RedirectComparison[] = [];
        for (const [visitor, code, load] of visitors) {
          console.error(
            `redirect, ${visitor}: ${options.rounds} rounds of ${options.roundSeconds} s each side`,
          );
          const rounds = await compare(bare, fission, code, load, options);
          // Clicks wait in memory for up to a second; the stats call also writes what is waiting.
          await sleep(1500);
          comparisons.push({
            database,
            visitor,
            bare: rounds.bare,
            fission: rounds.fission,
            ...ratios(rounds.bare, rounds.fission),
            clicks: {
              counted: await clicksOf(api, owner, code),
              answered: rounds.answered + (probed[code] ?? 0),
            },
          });
        }
        return { options, comparisons };
      } finally {
        await bare.stop();
      }
    } finally {
      await api.close();
      await fission.stop();
    }
  } finally {
    await storage.stop();
  }
}

const fmt = (value: number) => round(value).toLocaleString('en');
const ms = (value: number) => `${round(value, 2)} ms`;
const pct = (value: number) => `${round(100 * value, 1)}%`;

function describe(r: Round): string {
  const cpu =
    r.serverCpuUsPerRequest === undefined ? '' : `, server CPU ${round(r.serverCpuUsPerRequest)} µs/req`;
  const others = r.others + r.errors > 0 ? `; ${r.others} non-3xx, ${r.errors} errors` : '';
  return `${fmt(r.requestsPerSecond)} req/s (p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${cpu}${others})`;
}

/** The results as Markdown table rows, the form bench/README.md keeps them in. */
export function redirectTable(result: RedirectResult): string {
  const lines = [
    '| database | visitor | Fission `GET /s/:code` (median round) | bare Fastify 302 (median round) | ratio | pairs of rounds | CPU/req ratio | clicks stored / 3xx answered |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of result.comparisons) {
    const lost = c.clicks.answered - c.clicks.counted;
    const clicks = `${fmt(c.clicks.counted)} / ${fmt(c.clicks.answered)}${lost > 0 ? ` (${lost} lost)` : ''}`;
    const pairs = `${pct(c.roundRatios[0] ?? Number.NaN)}–${pct(c.roundRatios.at(-1) ?? Number.NaN)}`;
    const cpu = c.cpuRatio === undefined ? '—' : pct(c.cpuRatio);
    lines.push(
      `| ${c.database} | ${c.visitor} | ${describe(medianRound(c.fission))} | ${describe(medianRound(c.bare))} | ${pct(c.ratio)} | ${pairs} | ${cpu} | ${clicks} |`,
    );
  }
  return lines.join('\n');
}
