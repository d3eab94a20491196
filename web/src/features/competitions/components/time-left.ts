/** Whole days, hours, minutes and seconds from `now` until `until` (all zero once it has passed). */
export function timeLeft(until: number, now: number) {
  const total = Math.max(0, Math.floor((until - now) / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
    done: total === 0,
  };
}
