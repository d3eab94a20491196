import type { Interactions, SocialLinks, Train, TrainedModel } from './model/contract.js';
import { meanRecall } from './rules.js';

/** No candidate in this slot (a person with fewer candidates than the slots). */
export const EMPTY = 0xffff_ffff;

/** What the worker receives: plain typed arrays, so they cross the thread boundary by transfer. */
export interface TrainingInput {
  interactions: Interactions;
  social: SocialLinks;
  /** Per user, the items never to recommend (bought and not repurchase items): CSR offsets and items. */
  excludeOffsets: Uint32Array;
  excludeItems: Uint32Array;
  userSlots: number;
  itemSlots: number;
  /** The same shop before the cutoff, with what each test user bought after it. */
  evaluation?: {
    interactions: Interactions;
    social: SocialLinks;
    excludeOffsets: Uint32Array;
    excludeItems: Uint32Array;
    testOffsets: Uint32Array;
    testItems: Uint32Array;
    k: number;
  };
}

export interface TrainingOutput {
  /** `userSlots` items per user, best first, EMPTY-padded; scores beside them. */
  userTop: Uint32Array;
  userScores: Float32Array;
  itemTop: Uint32Array;
  itemScores: Float32Array;
  model: string;
  trainSeconds: number;
  modelBytes: number;
  heapBytes: number;
  evaluation?: { testUsers: number; recall: number; popularRecall: number; k: number };
}

const rowOf = (offsets: Uint32Array, items: Uint32Array, row: number) =>
  items.subarray(offsets[row] ?? 0, offsets[row + 1] ?? 0);

function excluder(offsets: Uint32Array, items: Uint32Array, user: number) {
  const row = rowOf(offsets, items, user);
  if (row.length === 0) return undefined;
  const set = new Set(row);
  return (item: number) => set.has(item);
}

function popularityOrder(interactions: Interactions): number[] {
  const counts = new Float64Array(interactions.itemCount);
  for (const item of interactions.items) counts[item] = (counts[item] ?? 0) + 1;
  return Array.from({ length: interactions.itemCount }, (_, i) => i).sort(
    (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b,
  );
}

/** Trains on the whole shop for serving, and (when asked) on the shop before the cutoff to measure it. */
export function runTraining(input: TrainingInput, train: Train): TrainingOutput {
  const { interactions, userSlots, itemSlots } = input;
  const model = train(interactions, input.social);
  const userTop = new Uint32Array(interactions.userCount * userSlots).fill(EMPTY);
  const userScores = new Float32Array(interactions.userCount * userSlots);
  for (let user = 0; user < interactions.userCount; user++) {
    const picks = model.recommend(user, userSlots, excluder(input.excludeOffsets, input.excludeItems, user));
    picks.forEach((p, i) => {
      userTop[user * userSlots + i] = p.item;
      userScores[user * userSlots + i] = p.score;
    });
  }
  const itemTop = new Uint32Array(interactions.itemCount * itemSlots).fill(EMPTY);
  const itemScores = new Float32Array(interactions.itemCount * itemSlots);
  for (let item = 0; item < interactions.itemCount; item++) {
    model.similarItems(item, itemSlots).forEach((p, i) => {
      itemTop[item * itemSlots + i] = p.item;
      itemScores[item * itemSlots + i] = p.score;
    });
  }
  return {
    userTop,
    userScores,
    itemTop,
    itemScores,
    model: model.stats.model,
    trainSeconds: model.stats.trainSeconds,
    modelBytes: model.stats.memoryBytes,
    heapBytes: process.memoryUsage().heapUsed,
    evaluation: input.evaluation ? evaluate(input.evaluation, train) : undefined,
  };
}

function evaluate(e: NonNullable<TrainingInput['evaluation']>, train: Train) {
  const model: TrainedModel = train(e.interactions, e.social);
  const popular = popularityOrder(e.interactions);
  const recommended = new Map<number, number[]>();
  const baseline = new Map<number, number[]>();
  const heldOut = new Map<number, Set<number>>();
  for (let user = 0; user < e.interactions.userCount; user++) {
    const truth = rowOf(e.testOffsets, e.testItems, user);
    if (truth.length === 0) continue;
    const exclude = excluder(e.excludeOffsets, e.excludeItems, user);
    heldOut.set(user, new Set(truth));
    recommended.set(
      user,
      model.recommend(user, e.k, exclude).map((p) => p.item),
    );
    baseline.set(user, popular.filter((item) => !exclude?.(item)).slice(0, e.k));
  }
  return {
    testUsers: heldOut.size,
    recall: meanRecall(recommended, heldOut, e.k),
    popularRecall: meanRecall(baseline, heldOut, e.k),
    k: e.k,
  };
}
