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

/** Floor of `numerator / denominator` (denominator > 0) in exact integer arithmetic. */
function floorDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n ? quotient - 1n : quotient;
}

/**
 * Basis points of an amount, rounded down: the remainder stays with whoever pays it out.
 * Computed in BigInt: `amount * bps / 10000` in floats rounds up to the next integer for
 * large amounts, which would pay out more than the rate allows.
 */
export function bpsOf(amount: Minor, bps: number): Minor {
  assertMinor(amount);
  if (!Number.isSafeInteger(bps)) throw new TypeError('bps must be an integer');
  return Number(floorDiv(BigInt(amount) * BigInt(bps), 10_000n));
}

/**
 * Splits `total` into parts proportional to `weights` (non-negative integers such as line totals
 * or quantities) using the largest-remainder method, so the parts always sum to exactly `total`
 * (ties go to the earlier weight). Shares are exact fractions in BigInt: with floats, large
 * amounts rounded a share's floor up and the parts summed to more than the whole.
 */
export function prorate(total: Minor, weights: readonly number[]): Minor[] {
  assertMinor(total, 'total');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new TypeError('weights must be non-negative integers');
  }
  if (weights.length === 0) return [];
  const weightSum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (weightSum === 0n) return weights.map((_, i) => (i === 0 ? total : 0));
  const shares = weights.map((w) => {
    const numerator = BigInt(total) * BigInt(w);
    const floor = floorDiv(numerator, weightSum);
    return { floor, remainder: numerator - floor * weightSum };
  });
  const parts = shares.map((s) => s.floor);
  let left = BigInt(total) - parts.reduce((a, b) => a + b, 0n);
  const order = shares
    .map((s, i) => ({ i, remainder: s.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
