/**
 * Durations as operators think of them (hours, days) over the minutes the API stores. Pure: the
 * input component and the lists that show a duration both go through these.
 */
export type DurationUnit = 'minutes' | 'hours' | 'days';

export const MINUTES_PER: Readonly<Record<DurationUnit, number>> = { minutes: 1, hours: 60, days: 24 * 60 };

/** Largest first, so the first unit that divides a duration evenly is its largest whole one. */
export const DURATION_UNITS: readonly DurationUnit[] = ['days', 'hours', 'minutes'];

/**
 * Minutes for an amount typed in a unit, or null when it is not a positive whole number of minutes
 * (1.5 hours is 90 minutes and fine; 0.01 hours is not a whole minute).
 */
export function toMinutes(amount: string, unit: DurationUnit): number | null {
  const text = amount.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const minutes = Number(text) * MINUTES_PER[unit];
  const rounded = Math.round(minutes);
  if (Math.abs(minutes - rounded) > 1e-9 || rounded <= 0) return null;
  return rounded;
}

/** A duration in the largest unit (of those allowed) that holds it a whole number of times. */
export function inLargestUnit(
  minutes: number,
  units: readonly DurationUnit[] = DURATION_UNITS,
): { amount: number; unit: DurationUnit } {
  const ordered = DURATION_UNITS.filter((u) => units.includes(u));
  for (const unit of ordered) {
    if (minutes % MINUTES_PER[unit] === 0) return { amount: minutes / MINUTES_PER[unit], unit };
  }
  // No allowed unit divides it: the smallest one allowed, as a fraction.
  const smallest = ordered.at(-1) ?? 'minutes';
  return { amount: minutes / MINUTES_PER[smallest], unit: smallest };
}
