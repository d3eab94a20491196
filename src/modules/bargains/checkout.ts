import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { Policy } from '../../platform/policy.js';
import type { BargainCheckout, BargainRequest, ReservedBargain } from '../orders/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';

/**
 * The bargain side of checkout: the starter buys one unit of the variant at the price the bargain
 * reached, before its deadline, with one order at a time (a cancelled order frees the bargain).
 */
export function createBargainCheckout(deps: { clock: Clock; policy: Policy }): BargainCheckout {
  async function reserve(tx: Tx, request: BargainRequest): Promise<ReservedBargain> {
    deps.policy.assertAllowed('bargains');
    const bargain = await q.findBargain(tx, request.bargainId);
    if (!bargain) throw notFound('Bargain');
    if (bargain.user_id !== request.userId)
      throw refuse(
        'bargain_not_yours',
        undefined,
        'Only the person who started this bargain can buy at its price',
      );
    const [line, ...others] = request.lines;
    if (!line || others.length > 0 || line.variantId !== bargain.variant_id || line.quantity !== 1)
      throw refuse(
        'bargain_single_item',
        { variantId: bargain.variant_id },
        'A bargain’s order holds one unit of its variant',
      );
    const now = deps.clock.now();
    if (now >= bargain.expires_at)
      throw refuse(
        'bargain_expired',
        { bargainId: bargain.id, expiresAt: bargain.expires_at.toISOString() },
        'The bargain’s time ran out',
      );
    const ordered = () =>
      refuse('bargain_already_ordered', { bargainId: bargain.id }, 'This bargain was bought already');
    if (bargain.order_id !== null) throw ordered();
    return {
      unitPrice: bargain.price,
      async attach(orderTx, orderId) {
        if (!(await q.attachOrder(orderTx, bargain.id, orderId, now))) throw ordered();
      },
    };
  }
  return { reserve };
}
