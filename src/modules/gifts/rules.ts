import { addMs, days } from '../../platform/clock.js';
import { defineMachine } from '../../platform/state-machine.js';

/**
 * Pure gift rules. A gift order waits for payment (`awaiting_payment`), is `unclaimed` once paid
 * (its claim link exists from then on), and either its recipient claims it (`claimed`: it ships to
 * their address, and its after-sales is theirs) or nobody does within the claim window and it is
 * `refunded` (also when the whole order is refunded first). An unpaid gift order that lapses is
 * `cancelled`. A claimed gift stays `claimed` whatever after-sales does with the order later.
 */
export const GIFT_STATUSES = ['awaiting_payment', 'unclaimed', 'claimed', 'refunded', 'cancelled'] as const;
export type GiftStatus = (typeof GIFT_STATUSES)[number];

export const giftMachine = defineMachine<GiftStatus>('gift', {
  awaiting_payment: ['unclaimed', 'cancelled'],
  unclaimed: ['claimed', 'refunded'],
  claimed: [],
  refunded: [],
  cancelled: [],
});

/** The longest note a sender may write on a gift (characters). */
export const MESSAGE_MAX = 200;

/** 18 random bytes: 144 bits, 24 base64url characters. A link is the only key to a gift. */
export const TOKEN_BYTES = 18;

/** When an unclaimed gift is refunded: `claimDays` (GIFT_CLAIM_DAYS) after its payment. */
export const claimDeadline = (paidAt: Date, claimDays: number): Date => addMs(paidAt, days(claimDays));

/** The claim link: the shop's origin and the gift's token, as the web app routes it. */
export const claimUrlOf = (origin: string, token: string) => `${origin.replace(/\/+$/, '')}/gifts/${token}`;

export interface ClaimFacts {
  status: GiftStatus;
  senderId: string;
  claimBy: Date | null;
}

export type ClaimRefusal =
  | 'gift_own'
  | 'gift_already_claimed'
  | 'gift_refunded'
  | 'gift_expired'
  | 'gift_unknown';

/**
 * Why `claimerId` may not claim the gift now, or null when they may. Its sender never may (even once
 * it is claimed); a claimed gift is claimed once; a refunded one, or one whose window has passed
 * (its refund is on its way), is closed. A gift not paid yet has no link, so it is unknown.
 */
export function claimRefusal(gift: ClaimFacts, claimerId: string, now: Date): ClaimRefusal | null {
  if (gift.status === 'awaiting_payment' || gift.status === 'cancelled') return 'gift_unknown';
  if (gift.senderId === claimerId) return 'gift_own';
  if (gift.status === 'claimed') return 'gift_already_claimed';
  if (gift.status === 'refunded') return 'gift_refunded';
  if (gift.claimBy !== null && now >= gift.claimBy) return 'gift_expired';
  return giftMachine.canTransition(gift.status, 'claimed') ? null : 'gift_refunded';
}

/** How the viewer stands to a gift: they sent it, they received it, or neither (anyone with the link). */
export function relationOf(
  gift: { senderId: string; recipientId: string | null },
  viewerId: string | undefined,
): 'sent' | 'received' | null {
  if (viewerId === undefined) return null;
  if (gift.senderId === viewerId) return 'sent';
  return gift.recipientId === viewerId ? 'received' : null;
}
