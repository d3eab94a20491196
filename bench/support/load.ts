import { performance } from 'node:perf_hooks';
import { countBy } from './stats.js';

export interface LoadResult {
  seconds: number;
  statuses: Map<number, number>;
  /** Latencies (ms) of the requests that answered `ok`. */
  okLatenciesMs: number[];
}

/**
 * A closed loop: `concurrency` workers each send a request, wait for its answer, and send the next,
 * until `seconds` have passed. `request(worker, n)` returns the HTTP status.
 */
export async function closedLoop(options: {
  concurrency: number;
  seconds: number;
  ok: number;
  request: (worker: number, n: number) => Promise<number>;
}): Promise<LoadResult> {
  const statuses: number[] = [];
  const okLatenciesMs: number[] = [];
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const worker = async (w: number) => {
    for (let n = 0; performance.now() < end; n++) {
      const sent = performance.now();
      const status = await options.request(w, n);
      statuses.push(status);
      if (status === options.ok) okLatenciesMs.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  return { seconds: (performance.now() - started) / 1000, statuses: countBy(statuses), okLatenciesMs };
}
