import { train } from '../src/modules/recommendations/model/index.js';
import { LASTFM_SHAPE, syntheticDataset } from '../src/modules/recommendations/model/synthetic.js';

export interface RecommendationsResult {
  shape: typeof LASTFM_SHAPE;
  model: string;
  trainSeconds: number[];
  memoryBytes: number;
  /** Milliseconds for one user's top 20 over all items, median of the users asked. */
  recommendMs: number;
}

/**
 * Training time on a synthetic data set of LastFM's shape (the target: under 60 s on 2 cores), run
 * `rounds` times on different seeds because the machine is shared.
 */
export function benchRecommendations(rounds: number): RecommendationsResult {
  const trainSeconds: number[] = [];
  let memoryBytes = 0;
  let model = '';
  let recommendMs = 0;
  for (let round = 0; round < rounds; round++) {
    const { interactions, social } = syntheticDataset(LASTFM_SHAPE, 1000 + round);
    const trained = train(interactions, social, { seed: round });
    trainSeconds.push(trained.stats.trainSeconds);
    memoryBytes = trained.stats.memoryBytes;
    model = trained.stats.model;
    const times: number[] = [];
    for (let user = 0; user < LASTFM_SHAPE.users; user += 19) {
      const started = performance.now();
      trained.recommend(user, 20);
      times.push(performance.now() - started);
    }
    recommendMs = times.sort((a, b) => a - b)[times.length >> 1]!;
  }
  return { shape: LASTFM_SHAPE, model, trainSeconds, memoryBytes, recommendMs };
}

export function recommendationsTable(result: RecommendationsResult): string {
  const worst = Math.max(...result.trainSeconds);
  const header = [
    'data set',
    'model',
    'train (s), each round',
    'worst',
    'memory (MiB)',
    'top 20, one user (ms, median)',
  ];
  const row = [
    `synthetic ${result.shape.users} users × ${result.shape.items} items, ${result.shape.pairs} pairs, ${result.shape.links} links`,
    result.model,
    result.trainSeconds.map((s) => s.toFixed(1)).join(', '),
    worst.toFixed(1),
    (result.memoryBytes / 2 ** 20).toFixed(1),
    result.recommendMs.toFixed(2),
  ];
  return [header, header.map(() => '---'), row].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
