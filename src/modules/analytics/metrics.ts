import { Counter, Gauge, type Registry } from 'prom-client';

/** Business figures this process counted, mirrored into Prometheus counters when scraped. */
export interface BusinessCounts {
  ordersPaid: number;
  gmv: number;
  refunds: number;
  commissionsEarned: number;
  shareRedirects: number;
}

export interface MetricSources {
  counts: () => BusinessCounts;
  /** The analytics event buffer: events accepted, dropped, and held in memory now. */
  events: () => { buffered: number; dropped: number; held: number };
  /** Sharing's click buffer. */
  clicks: () => { held: number; dropped: number };
  jobs: {
    backlog: () => Promise<{ due: number; running: number }>;
    failures: { attempts: number; abandoned: number };
  };
  /** node-postgres's pool, when the database is a PostgreSQL server (PGlite has one connection). */
  pool?: { totalCount: number; idleCount: number; waitingCount: number };
}

/** A counter that reports a number kept elsewhere (monotonic within this process). */
function mirrored(registry: Registry, name: string, help: string, read: () => number) {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/**
 * The business side of /metrics: orders and GMV, refunds and commissions as this process recorded
 * them (sum over processes in Prometheus), share redirects (the fast path included), the click and
 * event buffers, the job queue's backlog and failures, and the database pool.
 */
export function registerBusinessMetrics(registry: Registry, s: MetricSources): void {
  mirrored(
    registry,
    'fission_orders_paid_total',
    'Orders paid (recorded by this process)',
    () => s.counts().ordersPaid,
  );
  mirrored(registry, 'fission_gmv_minor_total', 'GMV of paid orders, minor units', () => s.counts().gmv);
  mirrored(
    registry,
    'fission_refunds_minor_total',
    'Refunded amounts, minor units',
    () => s.counts().refunds,
  );
  mirrored(
    registry,
    'fission_commissions_earned_minor_total',
    'Commissions earned, minor units',
    () => s.counts().commissionsEarned,
  );
  mirrored(
    registry,
    'fission_share_redirects_total',
    'Share-link redirects answered, the fast path before the framework included',
    () => s.counts().shareRedirects,
  );
  mirrored(
    registry,
    'fission_share_clicks_dropped_total',
    'Share clicks dropped: the buffer was full',
    () => s.clicks().dropped,
  );
  mirrored(
    registry,
    'fission_analytics_events_buffered_total',
    'Analytics events accepted into the buffer',
    () => s.events().buffered,
  );
  mirrored(
    registry,
    'fission_analytics_events_dropped_total',
    'Analytics events dropped: the buffer was full',
    () => s.events().dropped,
  );
  new Gauge({
    name: 'fission_buffered_in_memory',
    help: 'Clicks and analytics events held in memory, not yet written',
    labelNames: ['buffer'],
    registers: [registry],
    collect() {
      this.set({ buffer: 'share_clicks' }, s.clicks().held);
      this.set({ buffer: 'analytics_events' }, s.events().held);
    },
  });
  new Gauge({
    name: 'fission_jobs_backlog',
    help: 'Jobs due and not yet claimed, and jobs running, across every process',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const backlog = await s.jobs.backlog();
      this.set({ state: 'due' }, backlog.due);
      this.set({ state: 'running' }, backlog.running);
    },
  });
  mirrored(
    registry,
    'fission_job_failures_total',
    'Job runs that threw (retried with backoff)',
    () => s.jobs.failures.attempts,
  );
  mirrored(
    registry,
    'fission_jobs_abandoned_total',
    'Jobs given up after their last attempt',
    () => s.jobs.failures.abandoned,
  );
  const pool = s.pool;
  if (pool) {
    new Gauge({
      name: 'fission_db_pool_connections',
      help: 'Database pool connections by state (waiting: requests queued for a connection)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}
