import type { DailyRow, Funnel } from '../api/analytics';

/** The channels in the order the dashboard draws them (as the server names them). */
export const CHANNELS = ['direct', 'share', 'store', 'group', 'post', 'live', 'community'] as const;

const day = (at: Date) => at.toISOString().slice(0, 10);

/** The last `days` UTC days up to `now`'s day, both ends included. */
export function lastDays(days: number, now: Date): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { from: day(new Date(to.getTime() - (days - 1) * 86_400_000)), to: day(to) };
}

/** Each channel's GMV and orders over the period, and its share of the period's GMV (0 when there is none). */
export function channelTotals(days: readonly Pick<DailyRow, 'byChannel'>[]) {
  const totals = CHANNELS.map((channel) => {
    let gmv = 0;
    let orders = 0;
    for (const d of days) {
      const c = d.byChannel.find((x) => x.channel === channel);
      gmv += c?.gmv ?? 0;
      orders += c?.orders ?? 0;
    }
    return { channel, gmv, orders };
  });
  const all = totals.reduce((n, c) => n + c.gmv, 0);
  return totals.map((c) => ({ ...c, share: all === 0 ? 0 : c.gmv / all }));
}

/** Each funnel step with the part of the step before it that reached it (null for the first, or after an empty step). */
export function stepRates(steps: Funnel['steps']) {
  return steps.map((s, i) => {
    const before = i === 0 ? undefined : steps[i - 1];
    return { ...s, rate: before === undefined || before.count === 0 ? null : s.count / before.count };
  });
}
