import type { Queryable, Tx } from '../../platform/db.js';
import { bpsOf } from '../../platform/money.js';
import type { MemberPricing } from '../orders/index.js';
import * as q from './queries.js';
import { type Level, levelAt } from './rules.js';

/** A person's level now: their stored rank (level 1 without one), as the operator's levels define it. */
export async function currentLevel(conn: Queryable, userId: string): Promise<Level> {
  const { levels, rank } = await q.levelsAndRankOf(conn, userId);
  return levelAt(levels, rank ?? 1);
}

/**
 * The member discount at checkout: the buyer's level's share of the goods. Not on a group-buy seat:
 * the campaign's price already is the deal, and stacking both would sell below what the operator
 * chose for the group.
 */
export const memberPricing: MemberPricing = {
  async discountFor(tx: Tx, input) {
    if (input.kind !== 'regular') return 0;
    const level = await currentLevel(tx, input.userId);
    return bpsOf(input.goodsTotal, level.discountBps);
  },
};

/** The distribution module's port: a promoter's commissions are multiplied by their level's factor. */
export const commissionMultiplierBps = async (conn: Queryable, promoterId: string) =>
  (await currentLevel(conn, promoterId)).commissionMultiplierBps;

/**
 * Whether the person's level ships free: the shipping fees' port (the service's `hasFreeShipping(userId)`
 * reads it outside a transaction).
 */
export const hasFreeShipping = async (conn: Queryable, userId: string) =>
  (await currentLevel(conn, userId)).freeShipping;
