import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite } from '../src/platform/db.js';
import { runScenario, type ScenarioOptions, type ScenarioResult } from './scenario.js';
import { onCleanup } from './support/cleanup.js';
import { startFission } from './support/server.js';

function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: onCleanup(() => rmSync(dir, { recursive: true, force: true })) };
}

/**
 * PGlite's ceiling: single-row UPDATEs in a loop, one after another, through the same Database
 * wrapper the server uses, on a data directory like the server's. PGlite is one connection, so this
 * is also its hot-row ceiling.
 */
export async function pgliteUpdateLoop(seconds: number): Promise<number> {
  const { dir, remove } = tempDir('fission-bench-pglite-');
  const db = await openPglite({ dataDir: dir });
  try {
    await db.exec(
      'CREATE TABLE hot_row (id int PRIMARY KEY, n bigint NOT NULL); INSERT INTO hot_row VALUES (1, 0);',
    );
    const update = () => db.query('UPDATE hot_row SET n = n + 1 WHERE id = $1', [1]);
    for (let i = 0; i < 500; i++) await update(); // warm-up
    let updates = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    while (performance.now() < end) {
      await update();
      updates++;
    }
    return updates / ((performance.now() - started) / 1000);
  } finally {
    await db.close();
    await remove();
  }
}

/**
 * Fission on embedded PGlite (no DATABASE_URL, a fresh DATA_DIR) against PGlite's UPDATE loop, run
 * in this process right before each figure while the idle server waits.
 */
export async function benchPglite(
  options: ScenarioOptions & { baselineSeconds: number },
): Promise<ScenarioResult> {
  const baseline = () => {
    console.error(`PGlite single-row UPDATE loop: ${options.baselineSeconds} s`);
    return pgliteUpdateLoop(options.baselineSeconds);
  };
  const { dir, remove } = tempDir('fission-bench-data-');
  try {
    const server = await startFission({ DATA_DIR: dir, DATABASE_URL: '' });
    try {
      return await runScenario(server, options, { checkout: baseline, crowd: baseline });
    } finally {
      await server.stop();
    }
  } finally {
    await remove();
  }
}
