import { describe } from 'vitest';

/**
 * Whether requests sent "at once" really race. PGlite has one connection, and its transactions
 * queue behind one lock, so there a race test checks only that the second attempt, run after the
 * first, is refused or absorbed. On PostgreSQL (the `postgres` project) the transactions overlap
 * and contend for the same rows, which is the race the test is named for.
 */
export const racesForReal = process.env.TEST_DB === 'postgres';

/** Appended to a race test's name, so the report says which of the two it checked. */
export const RACE = racesForReal
  ? '(racing on PostgreSQL)'
  : '(serialised on PGlite: one connection, no race)';

/**
 * For race tests with nothing left to check when serialised (lock-order deadlocks): they belong to
 * the `postgres` project only, so PGlite's run does not declare them at all (a skipped test in CI
 * would read as a check left out).
 */
export const describeOnPostgres = (name: string, body: () => void): void => {
  if (racesForReal) describe(name, body);
};
export const POSTGRES_ONLY = '(PostgreSQL only: PGlite has one connection, so nothing contends)';
