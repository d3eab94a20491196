/**
 * The points rules, without I/O: which lots a draw takes from, what a positive posting pays off,
 * what an order earns and what a refund takes back, and what points may pay at checkout.
 *
 * Rounding, one rule throughout: every share is rounded down (floor) and computed on the
 * cumulative amount, so a person never gets more than the whole, and the whole is reached exactly
 * when the order is refunded in full.
 */

/** The operator's settings (see migration 032). */
export interface PointsSettings {
  /** Points earned per major currency unit paid (0: orders earn none). */
  earnPerUnit: number;
  /** Points that pay one major currency unit at checkout. */
  redeemPerUnit: number;
  /** The largest share of an order points may pay, in basis points. */
  maxShareBps: number;
  /** Months until earned points expire; null: never. */
  expiryMonths: number | null;
}

export const DEFAULT_SETTINGS: PointsSettings = {
  earnPerUnit: 1,
  redeemPerUnit: 100,
  maxShareBps: 5000,
  expiryMonths: null,
};

export interface OpenLot {
  id: string;
  remaining: number;
  expiresAt: Date | null;
}

export interface Draw {
  lotId: string;
  points: number;
}

/**
 * The order lots are drawn in: soonest-expiring first, lots that never expire last, and among equal
 * expiries the oldest (ids are time-ordered). Points about to be lost are used before any other.
 */
export function drawOrder(a: OpenLot, b: OpenLot): number {
  if (a.expiresAt?.getTime() !== b.expiresAt?.getTime()) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    return a.expiresAt.getTime() - b.expiresAt.getTime();
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Takes `points` from the open lots in draw order. `unpaid` is what the lots could not cover: a
 * spend never has any (it is refused first), a take-back may, and that becomes a debt. `firstLot`
 * is drawn before all others: a refund takes back an order's points from the lot it earned.
 */
export function drawFrom(
  lots: readonly OpenLot[],
  points: number,
  firstLot?: string,
): { draws: Draw[]; unpaid: number } {
  const draws: Draw[] = [];
  let left = points;
  const first = (l: OpenLot) => (l.id === firstLot ? 0 : 1);
  for (const lot of [...lots].sort((a, b) => first(a) - first(b) || drawOrder(a, b))) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take > 0) draws.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return { draws, unpaid: left };
}

/** One lot a negative posting drew from, `seq`-th in its draw order, and how much came back since. */
export interface RecordedDraw {
  seq: number;
  lotId: string;
  points: number;
  restored: number;
}

/**
 * Giving back `points` of a spend whose draws are `draws`, onto a balance of `balanceBefore`: the
 * draws are restored first drawn first, never beyond what each drew (`advances`); a debt is paid
 * off first, from the first of them; the rest goes back into the lots it came from (`intoLots`).
 * `fresh` is what the recorded draws do not cover (a spend from before draws were recorded), for
 * a lot of its own.
 */
export function planRestore(draws: readonly RecordedDraw[], points: number, balanceBefore: number) {
  let debt = Math.max(0, -balanceBefore);
  let left = points;
  const advances: { seq: number; points: number }[] = [];
  const intoLots: Draw[] = [];
  for (const d of [...draws].sort((a, b) => a.seq - b.seq)) {
    if (left === 0) break;
    const take = Math.min(left, d.points - d.restored);
    if (take <= 0) continue;
    advances.push({ seq: d.seq, points: take });
    left -= take;
    const toDebt = Math.min(debt, take);
    debt -= toDebt;
    if (take > toDebt) intoLots.push({ lotId: d.lotId, points: take - toDebt });
  }
  const freshToDebt = Math.min(debt, left);
  const fresh = left - freshToDebt;
  const debtPaid = points - fresh - intoLots.reduce((s, r) => s + r.points, 0);
  return { advances, intoLots, debtPaid, fresh };
}

/**
 * A positive posting of `points` onto a balance: a debt (negative balance) is paid off first, and
 * what is left opens the lot.
 */
export function credit(balanceBefore: number, points: number): { debtPaid: number; remaining: number } {
  const debtPaid = Math.min(Math.max(0, -balanceBefore), points);
  return { debtPaid, remaining: points - debtPaid };
}

/** Whether a spend may go ahead: spending never makes a balance negative. */
export const canSpend = (balance: number, points: number) => points > 0 && balance >= points;

/** Floor of a × b / c in exact integer arithmetic (c > 0), for amounts beyond float precision. */
const mulDiv = (a: number, b: number, c: number) => Number((BigInt(a) * BigInt(b)) / BigInt(c));

/** Points a paid total (minor units) earns: floor(total × earnPerUnit / minorPerMajor). */
export const pointsEarned = (paidTotal: number, earnPerUnit: number, minorPerMajor: number) =>
  paidTotal <= 0 ? 0 : mulDiv(paidTotal, earnPerUnit, minorPerMajor);

/**
 * The part of `whole` (points an order gave, or points it spent) that refunds up to `refunded` of a
 * paid `total` cover, cumulative: floor(whole × refunded / total), and all of it once the order is
 * refunded in full. Each refund takes back (or returns) this minus what earlier ones did, so the
 * parts of any sequence of partial refunds sum to exactly `whole` on a full refund.
 */
export function refundedShare(whole: number, refunded: number, total: number): number {
  if (whole <= 0 || refunded <= 0) return 0;
  if (refunded >= total) return whole;
  return mulDiv(whole, refunded, total);
}

/** The money `points` pay at checkout, in minor units (rounded down). */
export const moneyFor = (points: number, s: Pick<PointsSettings, 'redeemPerUnit'>, minorPerMajor: number) =>
  mulDiv(points, minorPerMajor, s.redeemPerUnit);

/** The fewest points that pay `money` minor units (rounded up, so they pay at least that much). */
export const pointsFor = (money: number, s: Pick<PointsSettings, 'redeemPerUnit'>, minorPerMajor: number) =>
  Number((BigInt(money) * BigInt(s.redeemPerUnit) + BigInt(minorPerMajor) - 1n) / BigInt(minorPerMajor));

/**
 * What `wanted` points can pay of `payable` (minor units): at most the operator's share of it and
 * always leaving at least one minor unit to pay; only the points that buy whole minor units are
 * spent (a point worth a tenth of a fen is not spent for nothing).
 */
export function checkoutSpend(
  wanted: number,
  payable: number,
  s: PointsSettings,
  minorPerMajor: number,
): { points: number; discount: number } {
  const cap = Math.max(0, Math.min(mulDiv(payable, s.maxShareBps, 10_000), payable - 1));
  // The most points worth no more than the cap, then the fewest of them that pay the same money.
  const most = Math.min(Math.max(0, wanted), mulDiv(cap, s.redeemPerUnit, minorPerMajor));
  const discount = moneyFor(most, s, minorPerMajor);
  if (discount <= 0) return { points: 0, discount: 0 };
  return { points: pointsFor(discount, s, minorPerMajor), discount };
}

/** The most points a checkout of `payable` may spend from `balance`, and the money they pay. */
export function checkoutAllowance(
  balance: number,
  payable: number,
  s: PointsSettings,
  minorPerMajor: number,
) {
  return checkoutSpend(Math.max(0, balance), payable, s, minorPerMajor);
}

/** `months` calendar months after `from` (UTC), the day clamped to the target month's last day. */
export function addMonths(from: Date, months: number): Date {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      y,
      m,
      day,
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  );
}

/** When points earned at `at` expire under the settings; null when they never do. */
export const expiryOf = (at: Date, s: Pick<PointsSettings, 'expiryMonths'>) =>
  s.expiryMonths === null ? null : addMonths(at, s.expiryMonths);

/** The notice a week before a lot expires. */
export const WARN_AHEAD_MS = 7 * 86_400_000;

/** Minor units per major unit of a currency (CNY 100, JPY 1). */
export function minorPerMajorOf(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return 10 ** (digits ?? 2);
}
