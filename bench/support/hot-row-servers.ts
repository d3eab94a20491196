import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteUpdateLoop } from '../pglite.js';
import { onCleanup } from './cleanup.js';
import { createDatabase, pgbenchHotRow, startBenchCluster } from './postgres.js';
import { type FissionServer, startFission } from './server.js';

/**
 * A Fission server on a fresh database of the bench cluster, and the hot-row UPDATE ceiling
 * measured on that cluster first (pgbench, 8 clients): the baseline a hot-row race is set against.
 */
export async function onPostgres<T>(
  name: string,
  baselineSeconds: number,
  run: (server: FissionServer, hotRowBaseline: number) => Promise<T>,
): Promise<T> {
  const cluster = startBenchCluster();
  try {
    const hotRowDb = await createDatabase(cluster.adminUrl, `hot_row_${name}`);
    const server = await startFission({
      DATABASE_URL: await createDatabase(cluster.adminUrl, `fission_${name}`),
    });
    try {
      console.error(`hot-row UPDATE: 8 clients, ${baselineSeconds} s`);
      const hotRowBaseline = await pgbenchHotRow(cluster.bin, hotRowDb, {
        clients: 8,
        threads: 2,
        seconds: baselineSeconds,
      });
      return await run(server, hotRowBaseline);
    } finally {
      await server.stop();
    }
  } finally {
    await cluster.stop();
  }
}

/** The same on PGlite: a server on a temp data dir, and PGlite's single-row UPDATE loop as the ceiling. */
export async function onPglite<T>(
  name: string,
  baselineSeconds: number,
  run: (server: FissionServer, hotRowBaseline: number) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `fission-bench-${name}-`));
  const remove = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const server = await startFission({ DATA_DIR: dir, DATABASE_URL: '' });
    try {
      console.error(`PGlite single-row UPDATE loop: ${baselineSeconds} s`);
      return await run(server, await pgliteUpdateLoop(baselineSeconds));
    } finally {
      await server.stop();
    }
  } finally {
    await remove();
  }
}
