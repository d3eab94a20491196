// The contract between the recommender's trainer (pure, CPU-bound, runs in a worker thread) and the
// platform that feeds it signals and serves what it learned. Ids are dense indexes 0..count-1; the
// caller maps them to and from database ids.

/** Positive interactions, one entry per (user, item); `weights` (default 1) lets a purchase count more than a view. */
export interface Interactions {
  userCount: number;
  itemCount: number;
  users: Uint32Array;
  items: Uint32Array;
  weights?: Float32Array;
}

/** Directed social links: `from[i]` follows / trusts / was invited by `to[i]`. */
export interface SocialLinks {
  from: Uint32Array;
  to: Uint32Array;
}

export interface TrainOptions {
  seed?: number;
  /** Called now and then with 0..1 so a worker can report progress. */
  onProgress?: (fraction: number) => void;
}

export interface ScoredItem {
  item: number;
  score: number;
}

export interface TrainingStats {
  trainSeconds: number;
  /** Bytes held by the trained model's arrays. */
  memoryBytes: number;
  model: string;
}

export interface TrainedModel {
  readonly stats: TrainingStats;
  /** The user's best `k` items, best first, skipping those `exclude` returns true for (e.g. their training items). */
  recommend(user: number, k: number, exclude?: (item: number) => boolean): ScoredItem[];
  /** Items most often wanted together with `item` ("people also bought"), best first, never `item` itself. */
  similarItems(item: number, k: number): ScoredItem[];
}

export type Train = (interactions: Interactions, social: SocialLinks, options?: TrainOptions) => TrainedModel;
