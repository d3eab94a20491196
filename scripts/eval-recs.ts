import { parseArgs } from 'node:util';
import type { PairColumns } from '../src/modules/recommendations/model/dataset.js';
import { DatasetError, readDataset } from '../src/modules/recommendations/model/dataset.js';
import {
  evaluate,
  type MetricReport,
  mostPopular,
  splitRows,
} from '../src/modules/recommendations/model/evaluate.js';
import { train } from '../src/modules/recommendations/model/index.js';

/**
 * Offline evaluation of the recommender (API.md, Recommendations): trains on train_set.txt and
 * trust.txt, ranks under the data set's protocol against test_set.txt, and prints one JSON object
 * as the last line of standard output. Progress goes to standard error.
 * `--validation 0.2` evaluates on rows held out of train_set.txt instead and never reads the test
 * file's rows into the ranking: that is the mode to tune in.
 */
const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    validation: { type: 'string' },
    seed: { type: 'string', default: '16' },
  },
});

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

function run(): void {
  if (!args.data) throw new DatasetError('usage: npm run eval:recs -- --data <dir> [--validation 0.2]');
  const seed = Number(args.seed);
  progress(`reading ${args.data}`);
  const data = readDataset(args.data);
  let fit: PairColumns = data.train;
  let held: PairColumns = data.test;
  if (args.validation) {
    ({ fit, held } = splitRows(data.train, Number(args.validation), seed));
    progress(`validation: ${held.left.length} of ${data.train.left.length} training rows held out`);
  }
  progress(
    `${data.userCount} users, ${data.itemCount} items, ${fit.left.length} training rows, ${data.trust.left.length} links`,
  );
  let lastShown = -1;
  const model = train(
    { userCount: data.userCount, itemCount: data.itemCount, users: fit.left, items: fit.right },
    { from: data.trust.left, to: data.trust.right },
    {
      seed,
      onProgress: (fraction) => {
        const percent = Math.floor(fraction * 10) * 10;
        if (percent <= lastShown) return;
        lastShown = percent;
        progress(`training ${percent}%`);
      },
    },
  );
  progress(
    `trained ${model.stats.model} in ${model.stats.trainSeconds.toFixed(1)} s, ${(model.stats.memoryBytes / 2 ** 20).toFixed(1)} MiB`,
  );
  const modelReport: MetricReport = evaluate(model.recommend, fit, held, data.userCount);
  const popularReport = evaluate(mostPopular(fit, data.itemCount), fit, held, data.userCount);
  progress(`memoryBytes ${model.stats.memoryBytes}`);
  process.stdout.write(
    `${JSON.stringify({ model: { ...rounded(modelReport), trainSeconds: round(model.stats.trainSeconds) }, popular: rounded(popularReport) })}\n`,
  );
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function rounded(report: MetricReport): MetricReport {
  return Object.fromEntries(Object.entries(report).map(([key, value]) => [key, round(value)]));
}

try {
  run();
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  process.stderr.write(`eval:recs: ${error.message}\n`);
  process.exitCode = 1;
}
