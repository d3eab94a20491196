import type { ScenarioResult } from './scenario.js';
import { round } from './support/stats.js';

const percent = (part: number, whole: number) => `${round((100 * part) / whole, 1)}%`;
const perSecond = (value: number) => round(value).toLocaleString('en');

function rows(database: string, s: ScenarioResult, checkoutBaseline: string, crowdBaseline: string) {
  const { checkout: c, crowd } = s;
  const checkoutBase: [string, number] = [checkoutBaseline, s.checkoutBaseline];
  const crowdBase: [string, number] = [crowdBaseline, s.crowdBaseline];
  const failures = Object.keys(c.failures).length ? `; non-201: ${JSON.stringify(c.failures)}` : '';
  const cpu =
    c.serverCpuMsPerOrder === undefined ? '' : `, server CPU ${round(c.serverCpuMsPerOrder, 2)} ms/order`;
  return [
    [
      database,
      'checkout',
      `${perSecond(c.ordersPerSecond)} orders/s (p50 ${round(c.latencyMs.p50, 1)} ms, p99 ${round(c.latencyMs.p99, 1)} ms${cpu}${failures})`,
      `${checkoutBase[0]} ${perSecond(checkoutBase[1])}/s`,
      percent(c.ordersPerSecond, checkoutBase[1]),
    ],
    [
      database,
      'flash crowd',
      `${crowd.buyers} buyers, ${crowd.stock} units: ${crowd.sold} × 201, ${crowd.refused} × 409, stock left ${crowd.stockLeft}; ` +
        `${perSecond(crowd.answersPerSecond)} answers/s (all in ${round(crowd.seconds, 2)} s, last 201 at ${round(crowd.lastSaleSeconds, 2)} s)`,
      `${crowdBase[0]} ${perSecond(crowdBase[1])}/s`,
      percent(crowd.answersPerSecond, crowdBase[1]),
    ],
  ];
}

/** The results as a Markdown table, the form bench/README.md keeps them in. */
export function markdownTable(postgres?: ScenarioResult, pglite?: ScenarioResult): string {
  const table = [
    ...(postgres ? rows('PostgreSQL', postgres, 'pgbench TPC-B', 'hot-row UPDATE') : []),
    ...(pglite ? rows('PGlite', pglite, 'PGlite UPDATE loop', 'PGlite UPDATE loop') : []),
  ];
  return [
    '| database | benchmark | Fission | baseline (same run) | ratio |',
    '| --- | --- | --- | --- | --- |',
    ...table.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}
