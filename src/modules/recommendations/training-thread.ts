import { parentPort } from 'node:worker_threads';
import { train } from './model/index.js';
import { runTraining, type TrainingInput, type TrainingOutput } from './run-training.js';

/** The worker's side: one training per message, its arrays transferred back (not copied). */
parentPort?.on('message', (input: TrainingInput) => {
  try {
    const output: TrainingOutput = runTraining(input, train);
    parentPort?.postMessage({ ok: true, output }, [
      output.userTop.buffer,
      output.userScores.buffer,
      output.itemTop.buffer,
      output.itemScores.buffer,
    ] as ArrayBuffer[]);
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
