import { performance } from 'node:perf_hooks';
import { onPglite, onPostgres } from './support/hot-row-servers.js';
import { Api } from './support/http.js';
import type { FissionServer } from './support/server.js';
import { adminToken, createProduct, registerBuyers } from './support/shop.js';
import { countBy, round } from './support/stats.js';

export interface GroupBuyOptions {
  /** People racing to join each hot group at once. */
  joiners: number;
  /** Hot groups raced for, one after another (the median round is reported). */
  rounds: number;
  /** Length of the hot-row baseline. */
  baselineSeconds: number;
}

export interface GroupRound {
  joined: number;
  refused: number;
  other: Record<number, number>;
  seats: number;
  /** Seat decisions (joined or refused with 409) per second: each one took the group row's lock. */
  decisionsPerSecond: number;
  /** Joins per second until the group was full: from the first request to the last 201. */
  joinsPerSecond: number;
  seconds: number;
}

export interface GroupBuyResult {
  database: 'PostgreSQL' | 'PGlite';
  groupSize: number;
  joiners: number;
  hotRowBaseline: number;
  rounds: GroupRound[];
  median: GroupRound;
  /** What broke "exactly groupSize − 1 join, the rest get 409, taken = size"; empty if nothing. */
  problems: string[];
}

const GROUP_SIZE = 100;

/**
 * One hot group at a time: its leader has opened it, and `joiners` people try to join at the same
 * moment. Exactly 99 get a seat, everyone else 409. Every attempt locks the same variant and group
 * rows, so the figure is set against the hot-row UPDATE ceiling measured in the same run.
 */
async function raceForGroups(server: FissionServer, options: GroupBuyOptions) {
  const setup = new Api(server.url, 4);
  const crowd = new Api(server.url, options.joiners);
  try {
    const admin = await adminToken(setup);
    console.error(`group buy: registering ${options.joiners + options.rounds} people`);
    const people = await registerBuyers(setup, options.joiners + options.rounds, 4);
    const leaders = people.slice(options.joiners);
    const joiners = people.slice(0, options.joiners);
    const stock = (options.joiners + 1) * options.rounds;
    const variantId = await createProduct(setup, admin, 'Group-buy hot deal', stock);
    const campaign = await setup.expect<{ id: string }>(201, 'POST', '/api/admin/group-buys', {
      token: admin,
      body: { variantId, groupSize: GROUP_SIZE, price: 990, durationMinutes: 60 },
    });
    await Promise.all(joiners.map(() => crowd.expect(200, 'GET', '/health')));

    const rounds: GroupRound[] = [];
    const problems: string[] = [];
    for (const leader of leaders) {
      const opened = await setup.expect<{ groupBuy: { groupId: string } }>(201, 'POST', '/api/orders', {
        token: leader,
        body: { items: [{ variantId, quantity: 1 }], groupBuy: { campaignId: campaign.id } },
      });
      const groupBuy = { campaignId: campaign.id, groupId: opened.groupBuy.groupId };
      console.error(`group buy: ${joiners.length} people join one group of ${GROUP_SIZE}`);
      const round = await race(crowd, joiners, variantId, groupBuy);
      const seats = await setup.expect<{ seatsLeft: number }>(
        200,
        'GET',
        `/api/group-buys/${groupBuy.groupId}`,
      );
      round.seats = GROUP_SIZE - seats.seatsLeft;
      rounds.push(round);
      if (round.joined !== GROUP_SIZE - 1)
        problems.push(`${round.joined} joined, expected ${GROUP_SIZE - 1}`);
      if (round.joined + round.refused !== joiners.length)
        problems.push(`answers other than 201/409: ${JSON.stringify(round.other)}`);
      if (round.seats !== GROUP_SIZE) problems.push(`${round.seats} seats taken, expected ${GROUP_SIZE}`);
    }
    return { rounds, problems };
  } finally {
    await crowd.close();
    await setup.close();
  }
}

async function race(
  crowd: Api,
  joiners: readonly string[],
  variantId: string,
  groupBuy: { campaignId: string; groupId: string },
): Promise<GroupRound> {
  const started = performance.now();
  let lastJoin = 0;
  const statuses = await Promise.all(
    joiners.map(async (token) => {
      const { status } = await crowd.call('POST', '/api/orders', {
        token,
        body: { items: [{ variantId, quantity: 1 }], groupBuy },
      });
      if (status === 201) lastJoin = performance.now() - started;
      return status;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const counts = countBy(statuses);
  const joined = counts.get(201) ?? 0;
  const refused = counts.get(409) ?? 0;
  return {
    joined,
    refused,
    other: Object.fromEntries([...counts].filter(([s]) => s !== 201 && s !== 409)),
    seats: 0,
    decisionsPerSecond: round((joined + refused) / seconds),
    joinsPerSecond: round(joined / (lastJoin / 1000)),
    seconds: round(seconds, 2),
  };
}

const median = (rounds: GroupRound[]) =>
  [...rounds].sort((a, b) => a.decisionsPerSecond - b.decisionsPerSecond)[
    Math.floor(rounds.length / 2)
  ] as GroupRound;

async function raceOn(
  database: GroupBuyResult['database'],
  server: FissionServer,
  hotRowBaseline: number,
  options: GroupBuyOptions,
): Promise<GroupBuyResult> {
  const { rounds, problems } = await raceForGroups(server, options);
  return {
    database,
    groupSize: GROUP_SIZE,
    joiners: options.joiners,
    hotRowBaseline,
    rounds,
    median: median(rounds),
    problems,
  };
}

export const benchGroupBuyPostgres = (options: GroupBuyOptions): Promise<GroupBuyResult> =>
  onPostgres('group', options.baselineSeconds, (server, baseline) =>
    raceOn('PostgreSQL', server, baseline, options),
  );

export const benchGroupBuyPglite = (options: GroupBuyOptions): Promise<GroupBuyResult> =>
  onPglite('group', options.baselineSeconds, (server, baseline) =>
    raceOn('PGlite', server, baseline, options),
  );

export function groupBuyTable(results: readonly GroupBuyResult[]): string {
  const rows = results.map((r) => {
    const m = r.median;
    const ratio = `${round((m.decisionsPerSecond / r.hotRowBaseline) * 100, 1)}%`;
    return `| ${r.database} | ${r.joiners} → 1 group of ${r.groupSize} | ${m.joined} joined, ${m.refused} × 409 | ${m.decisionsPerSecond} | ${m.joinsPerSecond} | ${round(r.hotRowBaseline)} | ${ratio} |`;
  });
  return [
    '| database | race | outcome (median round) | seat decisions/s | joins/s until full | hot-row UPDATE/s | decisions ÷ hot row |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
