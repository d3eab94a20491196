import type { FastifyBaseLogger } from 'fastify';
import { addMs, type Clock } from './clock.js';
import type { Database, Queryable } from './db.js';

/**
 * A job queue in PostgreSQL. Any number of processes run it at once: a job is claimed with
 * `FOR UPDATE SKIP LOCKED`, so each due job runs in one process; a process that dies mid-job
 * leaves a lease that expires, and another process retries it. Handlers must be idempotent
 * (a job may run again after a crash); every handler in Fission re-checks state under a row lock.
 */
export interface JobContext {
  db: Database;
  now: Date;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one queued or running job per key: enqueueing a duplicate does nothing. */
  dedupeKey?: string;
}

interface JobRow {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
}

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 8;
const BATCH = 20;

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  /** Runs that threw in this process, and jobs it gave up on after the last attempt (for /metrics). */
  readonly failures = { attempts: 0, abandoned: 0 };

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log?: FastifyBaseLogger,
  ) {}

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} is registered twice`);
    this.handlers.set(name, handler);
  }

  /** A job that runs every `intervalMs`, whichever process gets to it first. */
  every(name: string, intervalMs: number, handler: JobHandler): void {
    this.register(name, handler);
    this.recurring.set(name, intervalMs);
  }

  async enqueue(
    conn: Queryable,
    name: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<void> {
    await conn.query(
      `INSERT INTO jobs (name, payload, run_at, dedupe_key) VALUES ($1, $2, $3, $4)
       ON CONFLICT (dedupe_key) WHERE status IN ('queued', 'running') DO NOTHING`,
      [name, JSON.stringify(payload), options.runAt ?? this.clock.now(), options.dedupeKey ?? null],
    );
  }

  /** Jobs due and not yet claimed, and jobs running now, across every process (read through the due index). */
  async backlog(): Promise<{ due: number; running: number }> {
    const rows = await this.db.query<{ due: number; running: number }>(
      `SELECT count(*) FILTER (WHERE status = 'queued' AND run_at <= $1)::bigint AS due,
         count(*) FILTER (WHERE status = 'running')::bigint AS running
       FROM jobs WHERE status IN ('queued', 'running')`,
      [this.clock.now()],
    );
    return rows[0] ?? { due: 0, running: 0 };
  }

  /** Makes sure every recurring job has its next run queued. */
  async scheduleRecurring(): Promise<void> {
    for (const name of this.recurring.keys()) {
      await this.enqueue(this.db, name, {}, { dedupeKey: `every:${name}` });
    }
  }

  /**
   * Runs every job that is due now, batch after batch, and returns how many ran. Concurrent calls
   * in one process share the same pass.
   */
  runDue(): Promise<number> {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(pollMs: number): void {
    void this.scheduleRecurring().catch((error) => this.log?.error({ err: error }, 'scheduling jobs failed'));
    this.timer = setInterval(() => {
      this.runDue().catch((error) => this.log?.error({ err: error }, 'job pass failed'));
    }, pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await this.claim();
      if (jobs.length === 0) return total;
      for (const job of jobs) await this.runOne(job);
      total += jobs.length;
    }
  }

  private claim(): Promise<JobRow[]> {
    const now = this.clock.now();
    return this.db.query<JobRow>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2
       WHERE id IN (
         SELECT id FROM jobs
         WHERE run_at <= $1 AND (status = 'queued' OR (status = 'running' AND locked_until < $1))
         ORDER BY run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, name, payload, attempts`,
      [now, addMs(now, LEASE_MS), BATCH],
    );
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.name);
    const now = this.clock.now();
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, { db: this.db, now });
      await this.db.transaction(async (tx) => {
        await tx.query(
          `UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = $2 WHERE id = $1`,
          [job.id, now],
        );
        const interval = this.recurring.get(job.name);
        if (interval !== undefined) {
          await this.enqueue(
            tx,
            job.name,
            {},
            { runAt: addMs(now, interval), dedupeKey: `every:${job.name}` },
          );
        }
      });
    } catch (error) {
      this.log?.error({ err: error, job: job.name, attempt: job.attempts }, 'job failed');
      const failed = job.attempts >= MAX_ATTEMPTS;
      this.failures.attempts += 1;
      if (failed) this.failures.abandoned += 1;
      // Exponential backoff: 2 s, 4 s, 8 s ... so a poison job does not spin.
      const retryAt = addMs(now, 1000 * 2 ** job.attempts);
      await this.db.query(
        `UPDATE jobs SET status = $2, run_at = $3, locked_until = NULL, last_error = $4 WHERE id = $1`,
        [job.id, failed ? 'failed' : 'queued', retryAt, String(error).slice(0, 2000)],
      );
    }
  }
}
