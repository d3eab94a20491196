import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Rates, SimulationInput, SimulationResult } from './schemas.js';
import type { WorkerMessage } from './worker.js';

const TS_BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.file, workerData.file));`;

/** tsx's ESM API by file URL (its CommonJS twin fails to load its own ESM half from a worker). */
const tsxApi = () => {
  const root = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  return pathToFileURL(join(root, 'dist/esm/api/index.mjs')).href;
};

export interface RunHandlers {
  onProgress(progress: number): void;
  onDone(result: SimulationResult): void;
  onError(message: string): void;
}

/** The shop's graph as edge lists and its buyers: typed arrays, cloned cheaply into the thread. */
export interface ShopRun {
  people: number;
  from: Int32Array;
  to: Int32Array;
  seeds: Int32Array;
  rates: Rates;
}

export interface RunningSimulation {
  /** Stops the thread at once; no handler is called afterwards. */
  cancel(): Promise<void>;
}

/**
 * Starts a simulation in a worker thread, so the event loop keeps serving requests while a million
 * people cascade. Under tsx or vitest this file is TypeScript, and so is the worker: a worker
 * thread does not inherit tsx's loader (nor take `--import` in its execArgv on Node 20), so a small
 * bootstrap loads it through tsx's `tsImport`. Compiled builds (dist/) start worker.js directly.
 */
export function startSimulationWorker(
  input: SimulationInput,
  handlers: RunHandlers,
  shop?: ShopRun,
): RunningSimulation {
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(TS_BOOTSTRAP, {
        eval: true,
        workerData: {
          input,
          shop,
          file: new URL('./worker.ts', import.meta.url).href,
          tsx: tsxApi(),
        },
      })
    : new Worker(new URL('./worker.js', import.meta.url), { workerData: { input, shop } });
  let settled = false;
  const settle = () => {
    const first = !settled;
    settled = true;
    return first;
  };
  worker.on('message', (message: WorkerMessage) => {
    if (settled) return;
    if (message.type === 'progress') handlers.onProgress(message.progress);
    else if (message.type === 'done' && settle()) handlers.onDone(message.result);
    else if (message.type === 'error' && settle()) handlers.onError(message.message);
  });
  worker.on('error', (error) => {
    if (settle()) handlers.onError(error.message);
  });
  worker.on('exit', (code) => {
    if (settle()) handlers.onError(`the simulation worker exited with code ${code}`);
  });
  return {
    async cancel() {
      settled = true;
      await worker.terminate();
    },
  };
}
