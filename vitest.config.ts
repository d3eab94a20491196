import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';
import { findPostgresBin } from './test/support/postgres-cluster.js';

/**
 * `npm test` runs four projects: everything on PGlite; the database and HTTP tests again on a
 * real PostgreSQL; the web app's libraries and form drafts in jsdom; browser end-to-end tests in
 * Debian's Chromium. A missing PostgreSQL or Chromium
 * skips its project with a plain message, except under CI=true, where it fails the run.
 */
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL || findPostgresBin());
const hasChromium = existsSync(chromium);

function required(name: string, present: boolean, hint: string): boolean {
  if (present) return true;
  const message = `${name} not found: ${hint}`;
  if (ci) throw new Error(`CI=true and ${message}`);
  console.warn(`\n  SKIPPING ${name} tests — ${message}\n`);
  return false;
}

const databaseTests = ['src/**/*.db.test.ts', 'src/**/*.http.test.ts', 'test/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine, one file at a time.
    // One per core: the files are CPU-bound (PGlite runs in the worker), so more only queue.
    maxWorkers: Number(process.env.TEST_WORKERS ?? availableParallelism()),
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
          // Tests of several PostgreSQL connections at once (migration races, two processes).
          exclude: [...configDefaults.exclude, 'test/integration/postgres-only/**'],
          env: { TEST_DB: 'pglite' },
        },
      },
      {
        // The web app's own code in jsdom: no database, so none of the server projects' setup.
        plugins: [react()],
        test: {
          name: 'web',
          root: '.',
          environment: 'jsdom',
          include: ['web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
          testTimeout: 30_000,
        },
      },
      ...(required('PostgreSQL', hasPostgres, 'install Debian postgresql or set TEST_DATABASE_URL')
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: databaseTests, env: { TEST_DB: 'postgres' } },
            },
          ]
        : []),
      ...(required('Chromium', hasChromium, `install Debian chromium (looked for ${chromium})`)
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                include: ['test/e2e/**/*.e2e.test.ts'],
                globalSetup: ['test/support/global-setup.ts', 'test/e2e/support/build-web.ts'],
                setupFiles: ['test/e2e/support/server-prose.ts'],
                fileParallelism: false,
                testTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
