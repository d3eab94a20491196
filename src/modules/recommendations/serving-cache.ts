import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import * as q from './queries.js';

/** How long a process trusts its copy before asking which training is the latest (requests that do not ask anyway). */
export const VERSION_CHECK_MS = 1000;
/** The popular list is refreshed every minute (with the graph), so a copy this old is good enough. */
const POPULAR_TTL_MS = 10_000;
const POPULAR_READ = 60;

/**
 * This process's copy of what only a training changes: the "people also bought" table (bounded by
 * the catalog: products × ITEM_NEIGHBOURS ids), and, for a few seconds, the popular list. Several
 * processes serve at once and any of them may train, so the copy carries the id of the training it
 * came from and is read again when a newer training is seen: a person's list reads the latest id
 * in its one statement, other requests ask at most every VERSION_CHECK_MS. A person's own
 * candidates are not copied: they are read by key in that same statement, where a copy would grow
 * with every account in every process.
 */
export function createServingCache({ db, clock }: { db: Database; clock: Clock }) {
  let trainingId: string | null | undefined;
  let neighbours = new Map<string, string[]>();
  let checkedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;
  let popular: { at: number; ids: string[] } | undefined;

  async function load(latest: string | null) {
    const next = new Map<string, string[]>();
    for (const row of await q.allNeighbours(db)) {
      const list = next.get(row.product_id);
      if (list) list.push(row.neighbour_id);
      else next.set(row.product_id, [row.neighbour_id]);
    }
    // Labelled with the id read before the tables: if a training finished in between, the copy is
    // newer than its label and the next look reads it once more, never the other way round.
    neighbours = next;
    trainingId = latest;
    popular = undefined;
  }

  /** Brings the copy to training `latest` (an id the caller just read); one load however many wait. */
  async function catchUp(latest: string | null): Promise<void> {
    checkedAt = clock.now().getTime();
    if (latest === trainingId) return;
    loading ??= load(latest).finally(() => {
      loading = undefined;
    });
    await loading;
  }

  /** For requests that do not read the version themselves: asks at most every VERSION_CHECK_MS. */
  async function current(): Promise<void> {
    if (trainingId !== undefined && clock.now().getTime() - checkedAt < VERSION_CHECK_MS) return;
    await catchUp(await q.latestTrainingId(db));
  }

  /**
   * Neighbours of any of `productIds`, best first: each product's first neighbour, then each one's
   * second, …, with the product each neighbours (the first of `productIds` that has it explains it).
   */
  function neighboursOf(productIds: readonly string[], limit: number) {
    const lists = productIds.map((id) => ({ productId: id, list: neighbours.get(id) ?? [] }));
    const out: { productId: string; neighbourId: string }[] = [];
    const deepest = Math.max(0, ...lists.map((l) => l.list.length));
    for (let rank = 0; rank < deepest && out.length < limit; rank++)
      for (const { productId, list } of lists) {
        const neighbourId = list[rank];
        if (neighbourId !== undefined && out.length < limit) out.push({ productId, neighbourId });
      }
    return out;
  }

  async function popularIds(): Promise<string[]> {
    const now = clock.now().getTime();
    if (!popular || now - popular.at > POPULAR_TTL_MS)
      popular = { at: now, ids: (await q.popular(db, POPULAR_READ)).map((r) => r.product_id) };
    return popular.ids;
  }

  return {
    catchUp,
    current,
    neighboursOf,
    popularIds,
    /** A training in this process: read its tables now, so the next request serves them. */
    reload: async () => catchUp(await q.latestTrainingId(db)),
    /** The popular list was refreshed (in this process): read it again on the next request. */
    forgetPopular: () => {
      popular = undefined;
    },
    stats: () => ({ trainingId, products: neighbours.size }),
  };
}

export type ServingCache = ReturnType<typeof createServingCache>;
