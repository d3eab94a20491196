/** English strings of card payments (Stripe) and the operator's needs-attention list. */
export const paymentsEn = {
  stripePay: {
    secure: 'Card details go straight to Stripe; this shop never sees them.',
    failed: 'The payment did not go through. Check the details or try another card.',
    confirming: 'Payment received. Confirming it with the shop…',
    unavailable: 'Card payments are not available right now. Please try again later.',
    retry: 'The last attempt failed. You can try again.',
  },
  dispute: {
    open: 'The buyer disputed this payment with their bank.',
    won: 'A dispute of this payment was decided for the shop.',
    lost: 'A dispute of this payment was lost: the money went back to the buyer.',
  },
  adminAttention: {
    nav: 'Needs attention',
    title: 'Needs attention',
    intro: 'Work that keeps failing or needs a person. Each item stays here until it is resolved.',
    none: 'Nothing needs attention.',
    since: 'Since {{time}}',
    attempts_one: '{{count}} attempt',
    attempts_other: '{{count}} attempts',
    order: 'Order',
    all: 'All',
    kind: {
      job_failed: 'Background job failed',
      refund_stuck: 'Refund stuck',
      refund_failed: 'Refund failed',
      payment_unmatched: 'Payment of another amount',
      provider_refund_failed: 'Provider refund failed',
      dashboard_refund: 'Refund made at the provider',
      dispute_open: 'Open dispute',
    },
    hint: {
      job_failed: 'It failed on every retry; fix the cause, then run it again.',
      refund_stuck: 'Requested over 15 minutes ago and not finished.',
      refund_failed: 'The provider could not return the money; contact the buyer.',
      payment_unmatched: 'Not applied to the order; it is refunded automatically.',
      provider_refund_failed: 'Refunding the unmatched payment failed; refund it at the provider.',
      dashboard_refund:
        'Made in the provider dashboard and could not be applied to the order: check the order.',
      dispute_open: 'Answer it in the provider dashboard; commissions are held until it closes.',
    },
  },
};
