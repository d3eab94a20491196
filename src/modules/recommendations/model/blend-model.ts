import { type AlsParams, factorise } from './als.js';
import type { Interactions, ScoredItem, SocialLinks, TrainedModel, TrainOptions } from './contract.js';
import { degree } from './csr.js';
import { buildEase, type EaseParams } from './ease.js';
import { scaleOfBest, TopK } from './top-k.js';
import { buildWalk, type WalkParams } from './walk.js';

export interface BlendParams {
  walk: WalkParams;
  als: AlsParams;
  /** Share of the factor model in the final score; 0 trains the walk alone. */
  alsWeight: number;
  ease: EaseParams;
  /** Share of the EASE item regression over the most popular items; 0 skips it. The walk has the rest. */
  easeWeight: number;
  /**
   * Each part is divided by the mean of its `depth` best unowned scores, but at least `floor` × its
   * best, before blending: one outlier does not set a part's scale alone, nor is a part whose
   * scores all hover around zero blown up. `floor` 1 divides by the best score alone.
   */
  scale: { depth: number; floor: number };
}

/** Tuned on a validation split of Ciao's training file (bench/README.md, "Recommendation"). */
export const defaultBlendParams: BlendParams = {
  walk: { alpha: 0.5, beta: 0.1, neighbours: 300, social: 0.1, popular: 0.1 },
  als: { factors: 32, regularisation: 1, confidence: 5, iterations: 6, cgSteps: 3 },
  alsWeight: 0.3,
  ease: { items: 2000, regularisation: 400 },
  easeWeight: 0.25,
  scale: { depth: 20, floor: 0.1 },
};

/** The defaults with some parts overridden, e.g. `{ als: { factors: 64 } }` (tuning scripts). */
export function blendParamsOf(
  overrides: {
    [K in keyof BlendParams]?: BlendParams[K] extends object ? Partial<BlendParams[K]> : BlendParams[K];
  },
): BlendParams {
  const d = defaultBlendParams;
  return {
    walk: { ...d.walk, ...overrides.walk },
    als: { ...d.als, ...overrides.als },
    alsWeight: overrides.alsWeight ?? d.alsWeight,
    ease: { ...d.ease, ...overrides.ease },
    easeWeight: overrides.easeWeight ?? d.easeWeight,
    scale: { ...d.scale, ...overrides.scale },
  };
}

/**
 * The recommender: a graph walk (RP3beta over user–item, plus the followees' items and popularity)
 * blended with implicit matrix factorisation and EASE. The walk is sharp on items that share buyers;
 * the factors generalise across the long tail where two items rarely share anyone. Each part is
 * divided by its scale for the user (`params.scale`) before blending, so a weight is a plain share.
 */
export function trainBlend(
  interactions: Interactions,
  social: SocialLinks,
  options: TrainOptions = {},
  params: BlendParams = defaultBlendParams,
): TrainedModel {
  const started = performance.now();
  const { itemCount } = interactions;
  const useAls = params.alsWeight > 0;
  const useEase = params.easeWeight > 0;
  const walkWeight = 1 - params.alsWeight - (useEase ? params.easeWeight : 0);
  const walkShare = useAls ? 0.3 : 0.95;
  const walk = buildWalk(interactions, social, params.walk, (f) => options.onProgress?.(f * walkShare));
  const factors = useAls
    ? factorise(walk.userItems, walk.itemUsers, params.als, options.seed ?? 16, (f) =>
        options.onProgress?.(walkShare + f * (0.99 - walkShare)),
      )
    : undefined;
  const ease = useEase ? buildEase(walk.userItems, walk.itemUsers, params.ease) : undefined;
  const active = Uint32Array.from({ length: itemCount }, (_, j) => j).filter(
    (j) => degree(walk.itemUsers, j) > 0,
  );
  const scores = new Float64Array(itemCount);
  const latent = new Float64Array(itemCount);
  const regressed = new Float64Array(itemCount);
  const owned = new Uint8Array(itemCount);
  const { depth, floor } = params.scale;

  function recommend(user: number, k: number, exclude?: (item: number) => boolean): ScoredItem[] {
    if (k <= 0) return [];
    const known = user >= 0 && user < interactions.userCount;
    const own = known
      ? walk.userItems.cols.subarray(walk.userItems.start[user]!, walk.userItems.start[user + 1]!)
      : [];
    for (const j of own) owned[j] = 1;
    walk.scoreInto(user, scores);
    const walkScale = shareOver(walkWeight, scaleOfBest(depth, floor, scores, owned));
    for (let j = 0; j < itemCount; j++) scores[j]! *= walkScale;
    if (factors && known) {
      const f = factors.factors;
      const base = user * f;
      for (const j of active) {
        let dot = 0;
        const at = j * f;
        for (let c = 0; c < f; c++) dot += factors.rows[base + c]! * factors.cols[at + c]!;
        latent[j] = dot;
      }
      const latentScale = shareOver(params.alsWeight, scaleOfBest(depth, floor, latent, owned, active));
      for (const j of active) scores[j]! += latent[j]! * latentScale;
    }
    if (ease) {
      ease.scoreInto(user, regressed);
      const easeScale = shareOver(params.easeWeight, scaleOfBest(depth, floor, regressed, owned));
      for (const j of ease.items) scores[j]! += regressed[j]! * easeScale;
    }
    for (const j of own) owned[j] = 0;
    const best = new TopK(k);
    for (let j = 0; j < itemCount; j++) {
      if (scores[j]! >= best.threshold && !exclude?.(j)) best.offer(j, scores[j]!);
    }
    return best.sorted();
  }

  function similarItems(item: number, k: number): ScoredItem[] {
    if (item < 0 || item >= itemCount || k <= 0) return [];
    const graph = walk.itemGraph;
    const out: ScoredItem[] = [];
    const end = Math.min(graph.start[item + 1]!, graph.start[item]! + k);
    for (let n = graph.start[item]!; n < end; n++) out.push({ item: graph.cols[n]!, score: graph.vals[n]! });
    return out;
  }

  options.onProgress?.(1);
  const memoryBytes =
    walk.memoryBytes +
    (factors ? factors.rows.byteLength + factors.cols.byteLength : 0) +
    (ease ? ease.memoryBytes + regressed.byteLength : 0) +
    active.byteLength +
    scores.byteLength +
    latent.byteLength +
    owned.byteLength;
  return {
    stats: { trainSeconds: (performance.now() - started) / 1000, memoryBytes, model: describe(params) },
    recommend,
    similarItems,
  };
}

function shareOver(share: number, scale: number): number {
  return scale > 0 ? share / scale : 0;
}

function describe(p: BlendParams): string {
  const w = p.walk;
  const walk = `rp3beta(alpha=${w.alpha},beta=${w.beta},neighbours=${w.neighbours})+social(${w.social})+popular(${w.popular})`;
  const a = p.als;
  const als =
    p.alsWeight > 0
      ? ` ⊕ ials(factors=${a.factors},reg=${a.regularisation},confidence=${a.confidence},sweeps=${a.iterations}) × ${p.alsWeight}`
      : '';
  const ease =
    p.easeWeight > 0 ? ` ⊕ ease(items=${p.ease.items},reg=${p.ease.regularisation}) × ${p.easeWeight}` : '';
  return `${walk}${als}${ease}, each ÷ mean of its top ${p.scale.depth} (≥ ${p.scale.floor} × best)`;
}
