/** Ranking quality of one user's list under the protocol of the Ciao README: binary gains. */
export interface RankingScores {
  precision: number;
  recall: number;
  ndcg: number;
}

/**
 * Precision@K = hits / K; Recall@K = hits / |relevant|; NDCG@K = DCG / IDCG, where a hit at
 * 0-based rank r gains 1 / log2(r + 2) and IDCG places min(K, |relevant|) hits at the top.
 */
export function scoreRanking(
  ranked: readonly number[],
  relevant: ReadonlySet<number>,
  k: number,
): RankingScores {
  if (relevant.size === 0 || k <= 0) return { precision: 0, recall: 0, ndcg: 0 };
  let hits = 0;
  let dcg = 0;
  for (let r = 0; r < Math.min(k, ranked.length); r++) {
    if (relevant.has(ranked[r]!)) {
      hits++;
      dcg += 1 / Math.log2(r + 2);
    }
  }
  let idcg = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r++) idcg += 1 / Math.log2(r + 2);
  return { precision: hits / k, recall: hits / relevant.size, ndcg: dcg / idcg };
}

/** Sums scores over users and reports their means. */
export class MeanScores {
  private sums = { precision: 0, recall: 0, ndcg: 0 };
  count = 0;

  add(scores: RankingScores): void {
    this.sums.precision += scores.precision;
    this.sums.recall += scores.recall;
    this.sums.ndcg += scores.ndcg;
    this.count++;
  }

  mean(): RankingScores {
    const n = Math.max(this.count, 1);
    return { precision: this.sums.precision / n, recall: this.sums.recall / n, ndcg: this.sums.ndcg / n };
  }
}
