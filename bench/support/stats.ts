/** Latency summary of a run; percentiles by nearest rank. */
export interface Latency {
  p50: number;
  p99: number;
  max: number;
}

export function latency(samplesMs: readonly number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: rank(50), p99: rank(99), max: sorted.at(-1) ?? 0 };
}

export const countBy = (values: readonly number[]) =>
  values.reduce((counts, v) => counts.set(v, (counts.get(v) ?? 0) + 1), new Map<number, number>());

export const round = (value: number, digits = 0) => Number(value.toFixed(digits));
