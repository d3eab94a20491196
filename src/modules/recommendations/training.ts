import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { buildDataset } from './dataset.js';
import * as q from './queries.js';
import { EVAL_K, HOLDOUT_DAYS, ITEM_NEIGHBOURS, JUST_BOUGHT_DAYS, USER_CANDIDATES } from './rules.js';
import { EMPTY, type TrainingInput, type TrainingOutput } from './run-training.js';
import type { ShopSignals } from './sources.js';
import * as sources from './sources.js';

const DAY = 86_400_000;
/** A training still "running" after this long died with its process: another may start. */
const STALE_MS = 30 * 60_000;

export type Trainer = (input: TrainingInput) => Promise<TrainingOutput>;

/**
 * Refreshes the social graph and the popular list: cheap, so it runs every minute between retrains.
 * The other modules are read first: PGlite's one connection is the transaction's while it is open.
 */
export async function refreshGraph(db: Database, signals: ShopSignals, now: Date): Promise<void> {
  const friends = await sources.currentFriends(signals);
  await db.transaction(async (tx) => {
    await sources.replaceFriends(tx, friends);
    await q.refreshPopular(tx, new Date(now.getTime() - JUST_BOUGHT_DAYS * DAY), 200);
  });
}

/** Flattens the worker's padded arrays into rows for the candidate tables. */
function candidateRows(
  ids: string[],
  top: Uint32Array,
  scores: Float32Array,
  slots: number,
  productIds: string[],
) {
  const rows = {
    owners: [] as string[],
    ranks: [] as number[],
    products: [] as string[],
    scores: [] as number[],
  };
  ids.forEach((owner, row) => {
    for (let slot = 0; slot < slots; slot++) {
      const item = top[row * slots + slot] ?? EMPTY;
      if (item === EMPTY) break;
      rows.owners.push(owner);
      rows.ranks.push(slot + 1);
      rows.products.push(productIds[item] as string);
      rows.scores.push(scores[row * slots + slot] ?? 0);
    }
  });
  return rows;
}

/**
 * One training: a snapshot of the signals, the model trained in a worker (twice: on everything for
 * serving, and on what came before the last week's orders to measure Recall@K on those orders),
 * the candidates swapped in one transaction, and a record of it. Returns null when another
 * training is running.
 */
export async function trainOnce(deps: {
  db: Database;
  clock: Clock;
  trainer: Trainer;
  signals: ShopSignals;
}) {
  const { db, clock, trainer, signals } = deps;
  const startedAt = clock.now();
  const id = newId();
  const claimed = await db.transaction(async (tx) => {
    if (await q.runningSince(tx, new Date(startedAt.getTime() - STALE_MS))) return false;
    await q.startTraining(tx, id, startedAt);
    return true;
  });
  if (!claimed) return null;
  const started = performance.now();
  try {
    await refreshGraph(db, signals, startedAt);
    const cutoff = new Date(startedAt.getTime() - HOLDOUT_DAYS * DAY);
    const epoch = new Date(0);
    const dataset = buildDataset({
      ...(await sources.weightedPairs(db, signals, startedAt, cutoff)),
      purchases: await sources.purchasePairs(db, epoch, startedAt),
      purchasesBeforeCutoff: await sources.purchasePairs(db, epoch, cutoff),
      heldOut: await sources.purchasePairs(db, cutoff, startedAt),
      friends: await sources.friendRows(db),
      repurchase: new Set(await signals.repurchaseProducts()),
      userSlots: USER_CANDIDATES,
      itemSlots: ITEM_NEIGHBOURS,
      k: EVAL_K,
    });
    const output = await trainer(dataset.input);
    const users = candidateRows(
      dataset.userIds,
      output.userTop,
      output.userScores,
      USER_CANDIDATES,
      dataset.productIds,
    );
    const items = candidateRows(
      dataset.productIds,
      output.itemTop,
      output.itemScores,
      ITEM_NEIGHBOURS,
      dataset.productIds,
    );
    await db.transaction(async (tx) => {
      await q.replaceCandidates(
        tx,
        { userIds: users.owners, ranks: users.ranks, productIds: users.products, scores: users.scores },
        { productIds: items.owners, ranks: items.ranks, neighbourIds: items.products, scores: items.scores },
      );
      await q.finishTraining(tx, id, {
        finishedAt: clock.now(),
        durationMs: Math.round(performance.now() - started),
        modelBytes: output.modelBytes,
        heapBytes: output.heapBytes,
        model: output.model,
        users: dataset.userIds.length,
        items: dataset.productIds.length,
        interactions: dataset.input.interactions.users.length,
        metrics: { cutoff: cutoff.toISOString(), trainSeconds: output.trainSeconds, ...output.evaluation },
      });
    });
    // Fresh statistics after the tables were rewritten, so the planner keeps serving on the indexes.
    await db.query('ANALYZE rec_events, rec_friends, rec_user_candidates, rec_item_neighbours, rec_popular');
    return id;
  } catch (error) {
    await q.failTraining(db, id, clock.now(), error instanceof Error ? error.message : String(error));
    throw error;
  }
}
