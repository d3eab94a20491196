import { runScenario, type ScenarioOptions, type ScenarioResult } from './scenario.js';
import { createDatabase, pgbenchHotRow, pgbenchTpcb, startBenchCluster } from './support/postgres.js';
import { startFission } from './support/server.js';

export interface PostgresOptions extends ScenarioOptions {
  pgbenchScale: number;
  pgbenchSeconds: number;
  pgbenchClients: number;
  /** WORKERS for the Fission server (node:cluster processes sharing its port). */
  workers?: number;
}

/**
 * On one temporary PostgreSQL cluster: Fission as a child process on its own database, and the
 * baselines in theirs — pgbench TPC-B before the checkout loop, the hot-row UPDATE ceiling before
 * the flash crowd.
 */
export async function benchPostgres(options: PostgresOptions): Promise<ScenarioResult> {
  const cluster = startBenchCluster();
  try {
    const load = { clients: options.pgbenchClients, threads: 2, seconds: options.pgbenchSeconds };
    const pgbenchDb = await createDatabase(cluster.adminUrl, 'pgbench');
    const hotRowDb = await createDatabase(cluster.adminUrl, 'hot_row');
    const server = await startFission({
      DATABASE_URL: await createDatabase(cluster.adminUrl, 'fission'),
      WORKERS: String(options.workers ?? 1),
    });
    if ((options.workers ?? 1) > 1) console.error(`Fission with WORKERS=${options.workers}`);
    try {
      return await runScenario(server, options, {
        checkout: () => {
          console.error(
            `pgbench TPC-B: -s ${options.pgbenchScale}, ${load.clients} clients, ${load.seconds} s`,
          );
          return pgbenchTpcb(cluster.bin, pgbenchDb, options.pgbenchScale, load);
        },
        crowd: () => {
          console.error(`hot-row UPDATE: ${load.clients} clients, ${load.seconds} s`);
          return pgbenchHotRow(cluster.bin, hotRowDb, load);
        },
      });
    } finally {
      await server.stop();
    }
  } finally {
    await cluster.stop();
  }
}
