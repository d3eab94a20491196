import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CartLine, type ContentSource, contentSourceOfLines, purchaseIntent, useCart } from '../../cart';
import { storeVisit } from '../../stores';
import type { NewOrder } from '../types';

/**
 * "Buy now" (alone or in a group) arrives as `?buy=<id>`, a purchase intent kept in this tab so it
 * survives signing in or up and reloads; without it the whole cart is checked out.
 */
export function useCheckoutLines(): {
  lines: CartLine[];
  fromCart: boolean;
  groupBuy?: NewOrder['groupBuy'];
  flashSale?: NewOrder['flashSale'];
  bargain?: NewOrder['bargain'];
  /** The pickup community a community group buy must be collected at. */
  requiredPickup?: string;
  origin: { shareCode?: string; storeSlug?: string; source?: ContentSource };
  intentId?: string;
} {
  const [params] = useSearchParams();
  const { lines } = useCart();
  const intentId = params.get('buy') ?? undefined;
  const [intent] = useState(() => (intentId ? purchaseIntent.load(intentId) : undefined));
  if (intentId) {
    return intent
      ? {
          lines: [intent.line],
          fromCart: false,
          groupBuy: intent.groupBuy,
          flashSale: intent.flashSale,
          bargain: intent.bargain,
          requiredPickup: intent.pickupCommunityId,
          origin: {
            shareCode: intent.shareCode,
            storeSlug: intent.storeSlug ?? storeVisit.current(),
            source: intent.source,
          },
          intentId,
        }
      : { lines: [], fromCart: false, origin: {}, intentId };
  }
  return {
    lines,
    fromCart: true,
    origin: { storeSlug: storeVisit.current(), source: contentSourceOfLines(lines) },
  };
}
