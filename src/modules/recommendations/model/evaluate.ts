import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ScoredItem } from './contract.js';
import type { PairColumns } from './dataset.js';
import { MeanScores, scoreRanking } from './metrics.js';

export type Recommend = (user: number, k: number, exclude?: (item: number) => boolean) => ScoredItem[];

export const CUTOFFS = [10, 20] as const;

/** Keys of the eval script's JSON: "P@10", "R@10", "N@10", "P@20", … */
export type MetricReport = Record<string, number>;

function itemsByUser(pairs: PairColumns, userCount: number): Set<number>[] {
  const byUser = Array.from({ length: userCount }, () => new Set<number>());
  for (let e = 0; e < pairs.left.length; e++) byUser[pairs.left[e]!]!.add(pairs.right[e]!);
  return byUser;
}

/**
 * The Ciao README's protocol: every user with at least one test row gets a ranking of all items
 * except their training items, scored at each cutoff and averaged over those users.
 */
export function evaluate(
  recommend: Recommend,
  train: PairColumns,
  test: PairColumns,
  userCount: number,
  onProgress?: (fraction: number) => void,
): MetricReport {
  const trained = itemsByUser(train, userCount);
  const wanted = itemsByUser(test, userCount);
  const longest = Math.max(...CUTOFFS);
  const means = CUTOFFS.map(() => new MeanScores());
  for (let user = 0; user < userCount; user++) {
    const relevant = wanted[user]!;
    if (relevant.size === 0) continue;
    const own = trained[user]!;
    const ranked = recommend(user, longest, (item) => own.has(item)).map((s) => s.item);
    CUTOFFS.forEach((k, c) => {
      means[c]!.add(scoreRanking(ranked, relevant, k));
    });
    if (onProgress && user % 512 === 0) onProgress(user / userCount);
  }
  const report: MetricReport = {};
  CUTOFFS.forEach((k, c) => {
    const mean = means[c]!.mean();
    report[`P@${k}`] = mean.precision;
    report[`R@${k}`] = mean.recall;
    report[`N@${k}`] = mean.ndcg;
  });
  return report;
}

/** The floor to beat: every user gets the items most users have, ties to the lower id. */
export function mostPopular(train: PairColumns, itemCount: number): Recommend {
  const counts = new Uint32Array(itemCount);
  const seen = new Set<number>();
  for (let e = 0; e < train.left.length; e++) {
    const key = train.left[e]! * itemCount + train.right[e]!;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[train.right[e]!]!++;
  }
  const order = Uint32Array.from({ length: itemCount }, (_, j) => j).sort(
    (a, b) => counts[b]! - counts[a]! || a - b,
  );
  return (_user, k, exclude) => {
    const out: ScoredItem[] = [];
    for (let p = 0; p < order.length && out.length < k; p++) {
      const item = order[p]!;
      if (!exclude?.(item)) out.push({ item, score: counts[item]! });
    }
    return out;
  };
}

/**
 * Carves a validation split out of the training rows, the way the test split was carved out of all
 * rows (one global random split), so tuning never looks at the test file.
 */
export function splitRows(
  pairs: PairColumns,
  heldOut: number,
  seed: number,
): { fit: PairColumns; held: PairColumns } {
  const rng = xoroshiro128plus(seed);
  const keep = new Uint8Array(pairs.left.length);
  let fitCount = 0;
  for (let e = 0; e < keep.length; e++) {
    keep[e] = uniformFloat64(rng) >= heldOut ? 1 : 0;
    fitCount += keep[e]!;
  }
  const fit = { left: new Uint32Array(fitCount), right: new Uint32Array(fitCount) };
  const held = {
    left: new Uint32Array(keep.length - fitCount),
    right: new Uint32Array(keep.length - fitCount),
  };
  let f = 0;
  let h = 0;
  for (let e = 0; e < keep.length; e++) {
    const into = keep[e] ? fit : held;
    const at = keep[e] ? f++ : h++;
    into.left[at] = pairs.left[e]!;
    into.right[at] = pairs.right[e]!;
  }
  return { fit, held };
}
