import { parentPort, workerData } from 'node:worker_threads';
import { fromEdges } from './graph.js';
import type { ShopRun } from './runner.js';
import type { SimulationInput } from './schemas.js';
import { simulate } from './simulate.js';

/** The worker thread's side: runs one simulation, posting progress after each run, then the result. */
export type WorkerMessage =
  | { type: 'progress'; progress: number }
  | { type: 'done'; result: ReturnType<typeof simulate> }
  | { type: 'error'; message: string };

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  const { input, shop } = workerData as { input: SimulationInput; shop?: ShopRun };
  // The graph is a tenth of the work at most; the runs are the rest.
  post({ type: 'progress', progress: 0 });
  const prepared = shop && {
    graph: fromEdges(shop.people, shop.from, shop.to),
    rates: shop.rates,
    seedPeople: shop.seeds,
  };
  const result = simulate(
    input,
    {
      onRun: (done, total) => {
        post({ type: 'progress', progress: 0.1 + (0.9 * done) / total });
        return true;
      },
    },
    prepared,
  );
  post({ type: 'done', result });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
