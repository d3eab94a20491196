import type { LiveMessage, LivePin } from './types';

/** The pin a replay shows at `ms` of the session: pinned at or before it and not yet taken off. */
export function pinAt(pins: readonly LivePin[], ms: number): LivePin | null {
  let showing: LivePin | null = null;
  for (const pin of pins) {
    if (pin.atMs > ms || (pin.untilMs !== null && pin.untilMs <= ms)) continue;
    if (!showing || pin.atMs >= showing.atMs) showing = pin;
  }
  return showing;
}

/** The chat a replay shows by `ms`: what was sent up to then. */
export const messagesUntil = (messages: readonly LiveMessage[], ms: number) =>
  messages.filter((m) => m.atMs <= ms);

/** Whole days, hours, minutes and seconds until `target` (all 0 once it passed). */
export function timeUntil(target: Date, now: Date) {
  const total = Math.max(0, Math.floor((target.getTime() - now.getTime()) / 1000));
  return {
    total,
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
