import { parseArgs } from 'node:util';
import { factorise } from '../src/modules/recommendations/model/als.js';
import { blendParamsOf, defaultBlendParams } from '../src/modules/recommendations/model/blend-model.js';
import { degree } from '../src/modules/recommendations/model/csr.js';
import { readDataset } from '../src/modules/recommendations/model/dataset.js';
import { buildEase } from '../src/modules/recommendations/model/ease.js';
import { splitRows } from '../src/modules/recommendations/model/evaluate.js';
import { scoreRanking } from '../src/modules/recommendations/model/metrics.js';
import { smoothFactors } from '../src/modules/recommendations/model/smooth-factors.js';
import { TopK } from '../src/modules/recommendations/model/top-k.js';
import { buildWalk, socialRows } from '../src/modules/recommendations/model/walk.js';

/**
 * Blend tuning on a validation split only (never the test file): trains each part of the blend once
 * (walk, ALS, EASE) with the model's defaults, overridden by `--params '{"als":{"factors":64}}'`,
 * then scores every combination of the lists below on the held-out rows, R@20 / N@20 each:
 *   --weights 0.5/0.3/0.2,0.4/0.4/0.2   walk / ALS / EASE shares
 *   --social 0.1 --popular 0.1           the walk's followees' and popularity parts
 *   --smooth 0/0,0.3/0                   LightGCN-style smoothing of the ALS factors (graph/social)
 *   --debias 0,0.05                      final score ÷ (buyers + 1)^γ
 *   --norm max,top0.5                    each part ÷ its best score, or ÷ the mean of its top 20 unowned
 *                                        but at least 0.5 × its best
 *   --every 3                            score every third validation user only (faster, noisier)
 * npx tsx scripts/tune-recs.ts --data ../shared/datasets/ciao --weights 0.5/0.3/0.2,0.4/0.4/0.2
 */
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/datasets/ciao' },
    validation: { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '16' },
    params: { type: 'string', default: '{}' },
    weights: { type: 'string', default: '0.5/0.3/0.2' },
    social: { type: 'string', default: String(defaultBlendParams.walk.social) },
    popular: { type: 'string', default: String(defaultBlendParams.walk.popular) },
    smooth: { type: 'string', default: '0/0' },
    debias: { type: 'string', default: '0' },
    every: { type: 'string', default: '1' },
    norm: { type: 'string', default: 'max' },
  },
});

const list = (text: string) => text.split(',').map((part) => part.split('/').map(Number));
const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const seed = Number(args.seed);
const data = readDataset(args.data);
const { fit, held } = splitRows(data.train, Number(args.validation), seed);
const { userCount, itemCount } = data;
const params = blendParamsOf(JSON.parse(args.params));
log(`${fit.left.length} fitting rows, ${held.left.length} held out; ${JSON.stringify(params)}`);

// The walk's parts apart: its params object is read at every call, so zeroing a weight isolates a part.
let started = performance.now();
const walkParams = { ...params.walk, social: 0, popular: 0 };
const walk = buildWalk(
  { userCount, itemCount, users: fit.left, items: fit.right },
  { from: data.trust.left, to: data.trust.right },
  walkParams,
);
log(`walk ${seconds(started)}`);
started = performance.now();
const als = factorise(walk.userItems, walk.itemUsers, params.als, seed);
log(`als ${seconds(started)}`);
started = performance.now();
const ease = buildEase(walk.userItems, walk.itemUsers, params.ease);
log(`ease ${seconds(started)}`);
const follows = socialRows(userCount, { from: data.trust.left, to: data.trust.right });
const smoothings = list(args.smooth);
const smoothed = smoothings.map(([graph, social]) =>
  smoothFactors(als, walk.userItems, walk.itemUsers, follows, { graph: graph!, social: social! }),
);

const active = Uint32Array.from({ length: itemCount }, (_, j) => j).filter(
  (j) => degree(walk.itemUsers, j) > 0,
);
const buyers = Float64Array.from({ length: itemCount }, (_, j) => degree(walk.itemUsers, j));
const popularity = Float64Array.from(buyers, (b) => b / fit.left.length);
const weights = list(args.weights);
const socials = list(args.social).map((v) => v[0]!);
const populars = list(args.popular).map((v) => v[0]!);
const debiases = list(args.debias).map((v) => v[0]!);

interface Combo {
  label: string;
  weights: number[];
  social: number;
  popular: number;
  smooth: number;
  norm: string;
  debias: Float64Array;
  recall: number;
  ndcg: number;
}
const combos: Combo[] = [];
for (const w of weights)
  for (const social of socials)
    for (const popular of populars)
      for (let smooth = 0; smooth < smoothings.length; smooth++)
        for (const gamma of debiases)
          for (const norm of args.norm.split(','))
            combos.push({
              label: `w ${w.join('/')} social ${social} popular ${popular} smooth ${smoothings[smooth]!.join('/')} debias ${gamma} norm ${norm}`,
              norm,
              weights: w,
              social,
              popular,
              smooth,
              debias: Float64Array.from(buyers, (b) => (b + 1) ** -gamma),
              recall: 0,
              ndcg: 0,
            });

const CANDIDATES = 400;
const wanted = Array.from({ length: userCount }, () => new Set<number>());
for (let e = 0; e < held.left.length; e++) wanted[held.left[e]!]!.add(held.right[e]!);
const graphPart = new Float64Array(itemCount);
const socialPart = new Float64Array(itemCount);
const withSocial = new Float64Array(itemCount);
const latent = smoothings.map(() => new Float64Array(itemCount));
const latentMax = smoothings.map(() => 0);
const regressed = new Float64Array(itemCount);
const own = new Uint8Array(itemCount);
let users = 0;
started = performance.now();
for (let user = 0; user < userCount; user++) {
  const relevant = wanted[user]!;
  if (relevant.size === 0 || user % Number(args.every) !== 0) continue;
  users++;
  walkParams.social = 0;
  walk.scoreInto(user, graphPart);
  walkParams.social = 1;
  walk.scoreInto(user, withSocial);
  for (const j of active) socialPart[j] = withSocial[j]! - graphPart[j]!;
  smoothed.forEach((factors, s) => {
    const f = factors.factors;
    let max = 0;
    for (const j of active) {
      let dot = 0;
      for (let c = 0; c < f; c++) dot += factors.rows[user * f + c]! * factors.cols[j * f + c]!;
      latent[s]![j] = dot;
      max = Math.max(max, dot);
    }
    latentMax[s] = max;
  });
  const easeMax = ease.scoreInto(user, regressed);
  for (let e = walk.userItems.start[user]!; e < walk.userItems.start[user + 1]!; e++)
    own[walk.userItems.cols[e]!] = 1;
  // Every combination's top 20 lies, but for freak ties, among the parts' own best items.
  const pool = new Set<number>();
  const gather = (score: (j: number) => number) => {
    const best = new TopK(CANDIDATES);
    for (const j of active) if (!own[j]) best.offer(j, score(j));
    for (const s of best.sorted()) pool.add(s.item);
  };
  gather((j) => graphPart[j]!);
  gather((j) => socialPart[j]!);
  gather((j) => popularity[j]!);
  for (const scores of latent) gather((j) => scores[j]!);
  gather((j) => (ease.local[j]! >= 0 ? regressed[j]! : Number.NEGATIVE_INFINITY));
  const candidates = Uint32Array.from(pool);
  // As the model's scaleOfBest: the mean of a part's top 20 unowned scores, at least floor × its best.
  const topMean = (score: (j: number) => number, best: number, floor: number) => {
    const top = new TopK(20);
    for (const j of candidates) top.offer(j, score(j));
    const sorted = top.sorted();
    const mean = sorted.reduce((sum, s) => sum + s.score, 0) / Math.max(sorted.length, 1);
    return Math.max(mean, floor * best);
  };
  for (const combo of combos) {
    const [walkShare, alsShare, easeShare] = combo.weights as [number, number, number];
    const scores = latent[combo.smooth]!;
    let walkMax = 0;
    for (const j of active)
      walkMax = Math.max(
        walkMax,
        graphPart[j]! + combo.social * socialPart[j]! + combo.popular * popularity[j]!,
      );
    const floor = combo.norm === 'max' ? 1 : Number(combo.norm.slice(3));
    let alsBy = latentMax[combo.smooth]!;
    let easeBy = easeMax;
    if (combo.norm !== 'max') {
      walkMax = topMean(
        (j) => graphPart[j]! + combo.social * socialPart[j]! + combo.popular * popularity[j]!,
        walkMax,
        floor,
      );
      alsBy = topMean((j) => scores[j]!, alsBy, floor);
      easeBy = topMean((j) => (ease.local[j]! >= 0 ? regressed[j]! : 0), easeBy, floor);
    }
    const walkScale = walkMax > 0 ? walkShare / walkMax : 0;
    const alsScale = alsBy > 0 ? alsShare / alsBy : 0;
    const easeScale = easeBy > 0 ? easeShare / easeBy : 0;
    const best = new TopK(20);
    for (const j of candidates) {
      const walkScore = graphPart[j]! + combo.social * socialPart[j]! + combo.popular * popularity[j]!;
      const local = ease.local[j]!;
      const score =
        (walkScore * walkScale + scores[j]! * alsScale + (local >= 0 ? regressed[j]! * easeScale : 0)) *
        combo.debias[j]!;
      if (score >= best.threshold) best.offer(j, score);
    }
    const ranked = best.sorted().map((s) => s.item);
    const result = scoreRanking(ranked, relevant, 20);
    combo.recall += result.recall;
    combo.ndcg += result.ndcg;
  }
  for (let e = walk.userItems.start[user]!; e < walk.userItems.start[user + 1]!; e++)
    own[walk.userItems.cols[e]!] = 0;
}
log(`scored ${combos.length} combinations on ${users} users in ${seconds(started)}`);
for (const combo of combos)
  console.log(`${(combo.recall / users).toFixed(4)}  ${(combo.ndcg / users).toFixed(4)}  ${combo.label}`);
