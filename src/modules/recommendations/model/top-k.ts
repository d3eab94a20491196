import type { ScoredItem } from './contract.js';

/**
 * Keeps the `k` best (item, score) pairs seen so far in a min-heap, so picking a top 20 out of
 * 100,000 scored items costs one comparison for most of them. Ties go to the lower item id, which
 * keeps rankings reproducible.
 */
export class TopK {
  private readonly items: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.items = new Uint32Array(Math.max(k, 0));
    this.scores = new Float64Array(Math.max(k, 0));
  }

  /** The score an item must beat to enter (−∞ until the heap is full). */
  get threshold(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : this.scores[0]!;
  }

  offer(item: number, score: number): void {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      this.items[this.size] = item;
      this.scores[this.size] = score;
      this.siftUp(this.size++);
    } else if (this.better(item, score, this.items[0]!, this.scores[0]!)) {
      this.items[0] = item;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /** Best first. */
  sorted(): ScoredItem[] {
    const out: ScoredItem[] = [];
    for (let i = 0; i < this.size; i++) out.push({ item: this.items[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.item - b.item);
  }

  private better(itemA: number, scoreA: number, itemB: number, scoreB: number): boolean {
    return scoreA > scoreB || (scoreA === scoreB && itemA < itemB);
  }

  private swap(a: number, b: number): void {
    const item = this.items[a]!;
    const score = this.scores[a]!;
    this.items[a] = this.items[b]!;
    this.scores[a] = this.scores[b]!;
    this.items[b] = item;
    this.scores[b] = score;
  }

  private siftUp(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.better(this.items[parent]!, this.scores[parent]!, this.items[at]!, this.scores[at]!)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < this.size && this.worse(left, worst)) worst = left;
      if (right < this.size && this.worse(right, worst)) worst = right;
      if (worst === at) return;
      this.swap(at, worst);
      at = worst;
    }
  }

  private worse(a: number, b: number): boolean {
    return this.better(this.items[b]!, this.scores[b]!, this.items[a]!, this.scores[a]!);
  }
}

/**
 * A blend's scale for one part of it: the mean of the `k` best `scores[j]` over `items` (all
 * indexes when omitted), skipping those `skip` marks (the user's own items), but at least `floor`
 * times the best score of all, own items included. One outlier cannot set it alone, as the best
 * score alone would; the floor keeps a part that reproduces the user's own items far better than
 * it ranks anything else (its other scores all near zero) from being blown up.
 */
export function scaleOfBest(
  k: number,
  floor: number,
  scores: Float64Array,
  skip: Uint8Array,
  items?: Uint32Array,
): number {
  const best = new TopK(k);
  let max = 0;
  const offer = (j: number) => {
    max = Math.max(max, scores[j]!);
    if (!skip[j] && scores[j]! >= best.threshold) best.offer(j, scores[j]!);
  };
  if (items) for (const j of items) offer(j);
  else for (let j = 0; j < scores.length; j++) offer(j);
  const top = best.sorted();
  const mean = top.reduce((sum, s) => sum + s.score, 0) / Math.max(top.length, 1);
  return Math.max(mean, floor * max);
}
