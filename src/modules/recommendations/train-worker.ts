import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrainingInput, TrainingOutput } from './run-training.js';

/** A training taking longer than this is stopped (the job retries later). */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * The thread's entry beside this file: compiled JavaScript in production. Under tsx or Vitest this
 * file is TypeScript, and a worker inherits neither's loader: a small module registers tsx's in the
 * worker first, then imports the TypeScript entry.
 */
function entry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./training-thread.js', import.meta.url);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  const thread = new URL('./training-thread.ts', import.meta.url).href;
  const source = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(thread)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

/**
 * Trains in a worker thread so the server's event loop keeps answering requests while the model
 * does its CPU-bound work: one thread per training, ended when it answers (its memory goes with it).
 */
export function trainInWorker(
  input: TrainingInput,
  options: { timeoutMs?: number } = {},
): Promise<TrainingOutput> {
  const worker = new Worker(entry());
  return new Promise<TrainingOutput>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`training took longer than ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`));
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (answer: { ok: true; output: TrainingOutput } | { ok: false; error: string }) => {
      settle();
      if (answer.ok) resolve(answer.output);
      else reject(new Error(`training failed: ${answer.error}`));
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the training thread exited with code ${code}`));
    });
    worker.postMessage(input);
  });
}
