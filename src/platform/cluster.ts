import cluster, { type Worker } from 'node:cluster';

/**
 * `WORKERS=N`: a primary process that serves nothing itself, forks N workers sharing the port
 * (node:cluster hands connections round-robin), replaces a worker that dies, and passes a stop on.
 *
 * Why nothing else needs the primary: every worker runs the whole start (migrations take an
 * advisory lock, the admin is created with ON CONFLICT, jobs are claimed with SKIP LOCKED, click
 * and event buffers each write their own rows), so N workers behave like N separate processes.
 */
export interface PrimaryLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A worker that lived shorter than this counts as a failed start, and restarts slow down. */
const HEALTHY_AFTER_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

/** Ctrl-C reaches the workers too; they wait for the primary's SIGTERM so each stops once. */
export function ignoreTerminalInterruptInWorker(): void {
  if (cluster.isWorker) process.on('SIGINT', () => {});
}

export function runPrimary(count: number, log: PrimaryLog): void {
  let stopping = false;
  let failedStarts = 0;
  const startedAt = new Map<number, number>();
  const pendingRestarts = new Set<NodeJS.Timeout>();

  const fork = () => {
    if (stopping) return;
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      // Our own count: node:cluster may still list a worker whose IPC channel closes after its exit.
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    failedStarts = lived < HEALTHY_AFTER_MS ? failedStarts + 1 : 0;
    const delayMs = failedStarts === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 500 * 2 ** failedStarts);
    log.error(
      { worker: worker.id, pid: worker.process.pid, code, signal, restartInMs: delayMs },
      `worker ${worker.id} died (${signal ?? `exit code ${code}`}); starting another`,
    );
    const restart = setTimeout(() => {
      pendingRestarts.delete(restart);
      fork();
    }, delayMs);
    pendingRestarts.add(restart);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal: the operator will not wait for the graceful stop.
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    for (const restart of pendingRestarts) clearTimeout(restart);
    pendingRestarts.clear();
    log.info({ signal }, `stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    const workers = Object.values(cluster.workers ?? {});
    if (startedAt.size === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  log.info({ workers: count, pid: process.pid }, `WORKERS=${count}: starting ${count} server processes`);
  for (let i = 0; i < count; i++) fork();
}

/** Which worker this is (1, 2, …; a replacement gets the next number), or undefined alone. */
export const workerId = (): number | undefined => (cluster.isWorker ? cluster.worker?.id : undefined);

export const isPrimary = () => cluster.isPrimary;
