import { fromEdges } from './graph.js';
import type { RateKey, ShopPreview } from './schemas.js';
import { measuredRates, SHOP_WINDOW_DAYS, type ShopActivity } from './shop-rules.js';

/**
 * The port through which the simulator reads the shop (wired in src/app.ts from the modules that
 * own each fact): its people, who knows whom, who has bought, and what they did lately.
 */
export interface ShopFacts {
  /** Every account id: the people of the graph. */
  people(): Promise<readonly string[]>;
  /** Pairs of accounts who know each other (either order, repeats allowed): invitations, bindings, follows, communities. */
  friendships(): Promise<Iterable<readonly [string, string]>>;
  /** Everyone who has paid an order: the week-0 customers. */
  buyers(): Promise<readonly string[]>;
  /** The counts the rates are measured from, over [start, end). */
  activity(start: Date, end: Date): Promise<ShopActivity>;
}

/** The shop as the cascade runs it: dense indexes 0..people−1, the edge list, the buyers' indexes. */
export interface ShopNetwork {
  people: number;
  from: Int32Array;
  to: Int32Array;
  seeds: Int32Array;
  preview: ShopPreview;
}

const DAY_MS = 86_400_000;

/** Reads the shop through its port and lays it out as edge arrays (each friendship once). */
export async function readShop(facts: ShopFacts, now: Date): Promise<ShopNetwork> {
  const start = new Date(now.getTime() - SHOP_WINDOW_DAYS * DAY_MS);
  const [ids, pairs, buyers, activity] = await Promise.all([
    facts.people(),
    facts.friendships(),
    facts.buyers(),
    facts.activity(start, now),
  ]);
  const index = new Map<string, number>(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    // An invitation, a binding and a follow between the same two people are one friendship.
    const key = Math.min(i, j) * n + Math.max(i, j);
    if (seen.has(key)) continue;
    seen.add(key);
    from.push(i);
    to.push(j);
  }
  const edges = { from: Int32Array.from(from), to: Int32Array.from(to) };
  const graph = fromEdges(n, edges.from, edges.to);
  let reached = 0;
  for (const id of new Set(activity.sharerIds)) {
    const i = index.get(id);
    if (i !== undefined) reached += (graph.offsets[i + 1] as number) - (graph.offsets[i] as number);
  }
  const seeds = Int32Array.from(
    buyers.map((id) => index.get(id)).filter((i): i is number => i !== undefined),
  );
  const rates: Record<RateKey, ShopPreview['rates'][RateKey]> = measuredRates(activity, reached);
  return {
    people: n,
    ...edges,
    seeds,
    preview: {
      people: n,
      friendships: from.length,
      seedCustomers: seeds.length,
      window: {
        from: start.toISOString().slice(0, 10),
        to: now.toISOString().slice(0, 10),
        days: SHOP_WINDOW_DAYS,
      },
      rates,
    },
  };
}
