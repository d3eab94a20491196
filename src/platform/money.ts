/**
 * Money is an integer number of minor units (cents, fen) everywhere. These helpers refuse anything
 * else so that a float never slips into a total.
 */
export type Minor = number;

export function assertMinor(value: number, what = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${what} must be an integer number of minor units`);
  return value;
}

export const sumMinor = (values: readonly Minor[]): Minor => values.reduce((a, b) => a + b, 0);

/** Basis points of an amount, rounded down: the remainder stays with whoever pays it out. */
export function bpsOf(amount: Minor, bps: number): Minor {
  assertMinor(amount);
  return Math.floor((amount * bps) / 10_000);
}

/**
 * Splits `total` into parts proportional to `weights` using the largest-remainder method, so the
 * parts always sum to exactly `total` (ties go to the earlier weight).
 */
export function prorate(total: Minor, weights: readonly number[]): Minor[] {
  assertMinor(total, 'total');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (weightSum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let remainder = total - sumMinor(parts);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remainder <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    remainder -= 1;
  }
  return parts;
}
