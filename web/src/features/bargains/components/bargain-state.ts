import type { Bargain, BargainStatus } from '../types';

/** How far a bargain has come from its start price towards its floor. */
export function cutProgress(b: Pick<Bargain, 'startPrice' | 'price' | 'floorPrice'>) {
  const span = b.startPrice - b.floorPrice;
  const cut = b.startPrice - b.price;
  // Rounded down: the bar reads 100% only once the price is the floor.
  const percent = span > 0 ? Math.min(100, Math.max(0, Math.floor((cut * 100) / span))) : 100;
  return { cut, left: Math.max(0, b.price - b.floorPrice), percent };
}

/** The status the page shows: an open bargain whose deadline passed while it was on screen has expired. */
export const shownStatus = (status: BargainStatus, remainingMs: number): BargainStatus =>
  status === 'open' && remainingMs <= 0 ? 'expired' : status;

/** Its starter buys at the price reached, before the deadline, while no order of it is paid or being paid. */
export const canBuy = (b: Pick<Bargain, 'mine' | 'orderId'>, remainingMs: number): boolean =>
  b.mine && b.orderId === null && remainingMs > 0;

/** A signed-in friend helps an open bargain once; its starter never does. */
export const canHelp = (b: Pick<Bargain, 'mine' | 'helpedByYou'>, status: BargainStatus): boolean =>
  !b.mine && !b.helpedByYou && status === 'open';
