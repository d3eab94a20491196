import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Csr } from './csr.js';

export interface AlsParams {
  factors: number;
  /** L2 penalty on every factor vector. */
  regularisation: number;
  /** An observed pair weighs 1 + confidence · weight against 1 for every unobserved one. */
  confidence: number;
  iterations: number;
  /** Conjugate-gradient steps per vector and sweep, warm-started from the last sweep (Takács et al. 2011). */
  cgSteps: number;
}

export interface Factors {
  rows: Float32Array;
  cols: Float32Array;
  factors: number;
}

/**
 * Implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008) by alternating least squares:
 * every unobserved pair counts as a weak zero, so the whole matrix is fitted without sampling, and
 * each sweep is deterministic. `byRow` and `byCol` are the same matrix and its transpose.
 */
export function factorise(
  byRow: Csr,
  byCol: Csr,
  params: AlsParams,
  seed: number,
  onProgress?: (fraction: number) => void,
): Factors {
  const f = params.factors;
  const rng = xoroshiro128plus(seed);
  const init = (n: number) =>
    Float32Array.from({ length: n * f }, () => (uniformFloat64(rng) - 0.5) * (0.2 / Math.sqrt(f)));
  const rows = init(byRow.rowCount);
  const cols = init(byCol.rowCount);
  for (let sweep = 0; sweep < params.iterations; sweep++) {
    solveSide(rows, cols, byRow, params);
    solveSide(cols, rows, byCol, params);
    onProgress?.((sweep + 1) / params.iterations);
  }
  return { rows, cols, factors: f };
}

/** One half-sweep: every vector of `target` re-fitted against the fixed `fixed` by a few CG steps. */
function solveSide(target: Float32Array, fixed: Float32Array, entries: Csr, params: AlsParams): void {
  const f = params.factors;
  const gram = gramMatrix(fixed, f);
  for (let d = 0; d < f; d++) gram[d * f + d]! += params.regularisation;
  const b = new Float64Array(f);
  const x = new Float64Array(f);
  const r = new Float64Array(f);
  const p = new Float64Array(f);
  const ap = new Float64Array(f);

  // A·v = (YᵀY + λI)·v + Σ_i c_i (y_i·v) y_i over the row's observed entries.
  const multiply = (row: number, v: Float64Array, out: Float64Array) => {
    for (let a = 0; a < f; a++) {
      let sum = 0;
      for (let c = 0; c < f; c++) sum += gram[a * f + c]! * v[c]!;
      out[a] = sum;
    }
    for (let e = entries.start[row]!; e < entries.start[row + 1]!; e++) {
      const base = entries.cols[e]! * f;
      let dot = 0;
      for (let c = 0; c < f; c++) dot += fixed[base + c]! * v[c]!;
      const scale = params.confidence * entries.vals[e]! * dot;
      for (let c = 0; c < f; c++) out[c]! += scale * fixed[base + c]!;
    }
  };

  for (let row = 0; row < entries.rowCount; row++) {
    const own = row * f;
    b.fill(0);
    for (let e = entries.start[row]!; e < entries.start[row + 1]!; e++) {
      const base = entries.cols[e]! * f;
      const weight = 1 + params.confidence * entries.vals[e]!;
      for (let c = 0; c < f; c++) b[c]! += weight * fixed[base + c]!;
    }
    for (let c = 0; c < f; c++) x[c] = target[own + c]!;
    multiply(row, x, ap);
    let rsOld = 0;
    for (let c = 0; c < f; c++) {
      r[c] = b[c]! - ap[c]!;
      p[c] = r[c]!;
      rsOld += r[c]! * r[c]!;
    }
    for (let step = 0; step < params.cgSteps && rsOld > 1e-12; step++) {
      multiply(row, p, ap);
      let pAp = 0;
      for (let c = 0; c < f; c++) pAp += p[c]! * ap[c]!;
      const alpha = rsOld / pAp;
      let rsNew = 0;
      for (let c = 0; c < f; c++) {
        x[c]! += alpha * p[c]!;
        r[c]! -= alpha * ap[c]!;
        rsNew += r[c]! * r[c]!;
      }
      for (let c = 0; c < f; c++) p[c] = r[c]! + (rsNew / rsOld) * p[c]!;
      rsOld = rsNew;
    }
    for (let c = 0; c < f; c++) target[own + c] = x[c]!;
  }
}

function gramMatrix(vectors: Float32Array, f: number): Float64Array {
  const gram = new Float64Array(f * f);
  const n = vectors.length / f;
  for (let v = 0; v < n; v++) {
    const base = v * f;
    for (let a = 0; a < f; a++) {
      const va = vectors[base + a]!;
      if (va === 0) continue;
      for (let c = a; c < f; c++) gram[a * f + c]! += va * vectors[base + c]!;
    }
  }
  for (let a = 0; a < f; a++) for (let c = 0; c < a; c++) gram[a * f + c] = gram[c * f + a]!;
  return gram;
}
