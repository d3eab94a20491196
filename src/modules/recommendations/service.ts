import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import type { JobRunner } from '../../platform/jobs.js';
import { createActivityBuffer } from './activity.js';
import * as q from './queries.js';
import type { Language } from './rules.js';
import { createServing, type ServingDeps } from './serving.js';
import type { ShopSignals } from './sources.js';
import { trainInWorker } from './train-worker.js';
import { refreshGraph, type Trainer, trainOnce } from './training.js';

const HOUR = 3_600_000;
/** A full retrain this often; the graph and popular list between, so new links and sales show sooner. */
export const RETRAIN_EVERY_MS = 6 * HOUR;
export const REFRESH_EVERY_MS = 60_000;
const TRAIN_NOW_JOB = 'recommendations.train-now';

export interface RecommendationsDeps extends ServingDeps {
  db: Database;
  clock: Clock;
  jobs: Pick<JobRunner, 'every' | 'register' | 'enqueue'>;
  /**
   * A paid order's buyer and the products they kept: lines refunded in full are not among them, and
   * none once the whole order is refunded (the orders module's facts).
   */
  orderProducts: (
    conn: Queryable,
    orderId: string,
  ) => Promise<{ userId: string; productIds: string[] } | undefined>;
  /** The other modules' signals and social graph (their services, wired in app.ts). */
  signals: ShopSignals;
  /** Where the model trains; a worker thread by default. */
  trainer?: Trainer;
  onActivityWriteFailed: (err: unknown, lost: number) => void;
}

export function createRecommendationsService(deps: RecommendationsDeps) {
  const { db, clock, jobs } = deps;
  const trainer = deps.trainer ?? ((input) => trainInWorker(input));
  const serving = createServing(deps);
  const activity = createActivityBuffer({ db, clock, onWriteFailed: deps.onActivityWriteFailed });
  // A training in this process is served from the next request on; other processes notice its id.
  const train = async () => {
    const done = await trainOnce({ db, clock, trainer, signals: deps.signals });
    await serving.trained();
    return done;
  };

  jobs.every('recommendations.train', RETRAIN_EVERY_MS, async () => {
    await train();
  });
  jobs.every('recommendations.refresh', REFRESH_EVERY_MS, async (_payload, ctx) => {
    await refreshGraph(ctx.db, deps.signals, ctx.now);
    serving.forgetPopular();
  });
  jobs.register(TRAIN_NOW_JOB, async () => {
    await train();
  });

  /**
   * On `order.paid` (deferred): the products kept become purchases; a second run adds nothing, and a
   * run after the order was refunded adds nothing either (its facts keep no product).
   */
  async function onPaid(tx: Tx, event: { orderId: string; userId: string }) {
    const facts = await deps.orderProducts(tx, event.orderId);
    if (!facts || facts.productIds.length === 0) return;
    await q.insertPurchases(tx, {
      userId: facts.userId,
      orderId: event.orderId,
      productIds: facts.productIds,
      at: clock.now(),
    });
  }

  /**
   * On a full or partial refund (deferred): what went back is no purchase, neither for the next
   * training nor between trainings (friends bought, just bought, popular at its next refresh).
   */
  async function onRefunded(tx: Tx, event: { orderId: string }) {
    const facts = await deps.orderProducts(tx, event.orderId);
    await q.deletePurchasesOfOrder(tx, event.orderId, facts?.productIds ?? []);
  }

  return {
    forYou: async (viewer: { id: string } | null, limit: number, language: Language) => ({
      items: viewer
        ? await serving.forUser(viewer.id, limit, language)
        : await serving.popularFor(limit, language),
    }),
    alsoBought: serving.alsoBought,
    friendsBought: serving.friendsBoughtOf,
    recordActivity: activity.record,
    /** Views and add-to-carts with their own times (the demo's weeks of browsing). */
    importActivity: (rows: readonly q.ActivityRow[]) => q.insertActivity(db, rows),
    flushActivity: activity.flush,
    start: () => activity.start(),
    close: activity.close,
    /** Trains now in this process (the demo seed, tests); null when another training is running. */
    trainNow: train,
    /** The console's button: a training job any process picks up; asking twice queues one. */
    requestTraining: () => jobs.enqueue(db, TRAIN_NOW_JOB, {}, { dedupeKey: TRAIN_NOW_JOB }),
    trainings: async (limit: number) => ({
      items: (await q.latestTrainings(db, limit)).map(presentTraining),
    }),
    reactions: { onPaid, onRefunded },
    /** This process's copy of the last training's tables: which training, how many products. */
    servingCache: serving.cacheStats,
  };
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function presentTraining(r: q.TrainingRow) {
  const m = r.metrics ?? {};
  const figure = (key: string) => (typeof m[key] === 'number' ? (m[key] as number) : null);
  return {
    id: r.id,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    durationMs: r.duration_ms,
    modelBytes: num(r.model_bytes),
    heapBytes: num(r.heap_bytes),
    model: r.model,
    users: r.users,
    items: r.items,
    interactions: r.interactions,
    evaluation:
      r.status === 'done'
        ? {
            cutoff: typeof m.cutoff === 'string' ? m.cutoff : null,
            k: figure('k'),
            testUsers: figure('testUsers'),
            recall: figure('recall'),
            popularRecall: figure('popularRecall'),
          }
        : null,
    error: r.error,
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
