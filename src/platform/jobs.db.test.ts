import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RACE } from '../../test/support/races.js';
import { createPostgresDatabase, openTestDatabase, testDialect } from '../../test/support/test-db.js';
import { AdjustableClock, minutes } from './clock.js';
import { type Database, openPostgres } from './db.js';
import { JobRunner } from './jobs.js';

let db: Database;
/** A second handle on the same database: another process on PostgreSQL, the same one on PGlite. */
let otherProcess: Database;
// Shared by every test: it only moves forward, and each test enqueues relative to its now().
const clock = new AdjustableClock();

beforeAll(async () => {
  if (testDialect === 'postgres') {
    const url = await createPostgresDatabase();
    db = openPostgres(url, 5);
    otherProcess = openPostgres(url, 5);
  } else {
    db = await openTestDatabase();
    otherProcess = db;
  }
});
afterAll(async () => {
  if (otherProcess !== db) await otherProcess.close();
  await db.close();
});
afterEach(async () => {
  await db.query('DELETE FROM jobs');
});

const newRunner = (conn = db) => new JobRunner(conn, clock);

const jobRows = (name: string) =>
  db.query<{ status: string; attempts: number; last_error: string | null }>(
    'SELECT status, attempts, last_error FROM jobs WHERE name = $1 ORDER BY id',
    [name],
  );

describe('JobRunner', () => {
  it('runs an enqueued job once, with its payload', async () => {
    const jobs = newRunner();
    const seen: unknown[] = [];
    jobs.register('greet', async (payload) => {
      seen.push(payload);
    });
    await jobs.enqueue(db, 'greet', { name: 'Ada' });
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    expect(seen).toEqual([{ name: 'Ada' }]);
    expect(await jobRows('greet')).toEqual([{ status: 'done', attempts: 1, last_error: null }]);
  });

  it('does not run a delayed job before its time, and runs it after', async () => {
    const jobs = newRunner();
    let runs = 0;
    jobs.register('later', async () => {
      runs++;
    });
    await jobs.enqueue(db, 'later', {}, { runAt: new Date(clock.now().getTime() + minutes(10)) });
    expect(await jobs.runDue()).toBe(0);
    clock.advance(minutes(9));
    expect(await jobs.runDue()).toBe(0);
    clock.advance(minutes(1) + 1);
    expect(await jobs.runDue()).toBe(1);
    expect(runs).toBe(1);
  });

  it('keeps one queued copy per dedupe key, and accepts the key again once the job is done', async () => {
    const jobs = newRunner();
    let runs = 0;
    jobs.register('once', async () => {
      runs++;
    });
    await jobs.enqueue(db, 'once', { n: 1 }, { dedupeKey: 'order:1' });
    await jobs.enqueue(db, 'once', { n: 2 }, { dedupeKey: 'order:1' });
    expect(await jobRows('once')).toHaveLength(1);
    await jobs.runDue();
    await jobs.enqueue(db, 'once', { n: 3 }, { dedupeKey: 'order:1' });
    await jobs.runDue();
    expect(runs).toBe(2);
  });

  it('retries a failing job with growing backoff and marks it failed after the last attempt', async () => {
    const jobs = newRunner();
    let calls = 0;
    jobs.register('flaky', async () => {
      calls++;
      throw new Error('provider down');
    });
    await jobs.enqueue(db, 'flaky', {});
    await jobs.runDue();
    expect(calls).toBe(1);
    // First retry waits 2 s: not before.
    clock.advance(1_500);
    expect(await jobs.runDue()).toBe(0);
    clock.advance(600);
    expect(await jobs.runDue()).toBe(1);
    expect(calls).toBe(2);
    // Second retry waits 4 s.
    clock.advance(3_000);
    expect(await jobs.runDue()).toBe(0);
    for (let i = 0; i < 20; i++) {
      clock.advance(minutes(10));
      await jobs.runDue();
    }
    expect(calls).toBe(8);
    const [row] = await jobRows('flaky');
    expect(row).toMatchObject({ status: 'failed', attempts: 8 });
    expect(row?.last_error).toContain('provider down');
  });

  it('retries a job whose process died mid-run once its lease expires', async () => {
    const jobs = newRunner();
    let runs = 0;
    jobs.register('orphan', async () => {
      runs++;
    });
    await jobs.enqueue(db, 'orphan', {});
    await db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, locked_until = $1 WHERE name = 'orphan'`,
      [new Date(clock.now().getTime() + minutes(5))],
    );
    expect(await jobs.runDue()).toBe(0);
    clock.advance(minutes(5) + 1);
    expect(await jobs.runDue()).toBe(1);
    expect(runs).toBe(1);
  });

  it(`runs each of 50 jobs exactly once when two processes drain at the same time ${RACE}`, async () => {
    const counts = new Map<number, number>();
    const handler = async (payload: Record<string, unknown>) => {
      const n = payload.n as number;
      // A round trip inside the handler lets the other runner claim in between.
      await db.query('SELECT 1');
      counts.set(n, (counts.get(n) ?? 0) + 1);
    };
    const a = newRunner(db);
    const b = newRunner(otherProcess);
    a.register('work', handler);
    b.register('work', handler);
    for (let n = 0; n < 50; n++) await a.enqueue(db, 'work', { n });
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ranA + ranB).toBe(50);
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect((await jobRows('work')).every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('reschedules a recurring job after each run, with one queued copy however often it is scheduled', async () => {
    const jobs = newRunner();
    let runs = 0;
    jobs.every('tick', minutes(1), async () => {
      runs++;
    });
    await jobs.scheduleRecurring();
    await jobs.scheduleRecurring();
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    clock.advance(minutes(1));
    expect(await jobs.runDue()).toBe(1);
    await jobs.scheduleRecurring();
    clock.advance(minutes(1));
    expect(await jobs.runDue()).toBe(1);
    expect(runs).toBe(3);
    const queued = await db.query(`SELECT id FROM jobs WHERE name = 'tick' AND status = 'queued'`);
    expect(queued).toHaveLength(1);
  });

  it('refuses to register a job name twice', () => {
    const jobs = newRunner();
    jobs.register('dup', async () => {});
    expect(() => jobs.register('dup', async () => {})).toThrow(/twice/);
  });
});
