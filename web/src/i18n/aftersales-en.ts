import type { ResponseOf } from '../lib/api';

type AfterSale = ResponseOf<'/api/after-sales/{id}', 'get'>;

/** English strings of after-sales: the buyer's requests and the operator's queue. */
export const afterSalesEn = {
  afterSales: {
    title: 'Refunds and returns',
    mine: 'My refunds and returns',
    noneMine: 'No refund or return requests yet',
    noneMineHint: 'You can ask for one from the page of a paid order.',
    adminTitle: 'After-sales',
    nav: 'After-sales',
    noneAdmin: 'No requests here',
    filter: 'Filter by status',
    ask: { refund: 'Request a refund', return: 'Request a return and refund' } satisfies Record<
      AfterSale['type'],
      string
    >,
    type: { refund: 'Refund', return: 'Return and refund' } satisfies Record<AfterSale['type'], string>,
    status: {
      requested: 'Waiting for review',
      refunded: 'Refunded',
      rejected: 'Rejected',
      closed: 'Closed',
    } satisfies Record<AfterSale['status'], string>,
    closedHint: 'The whole order was refunded in the meantime, so this request closed.',
    whichItems: 'Which items?',
    quantity: 'Quantity',
    reason: 'What happened?',
    photos: 'Photo links (optional)',
    photosHint: 'Up to {{max}} links, one per line',
    chooseItems: 'Choose at least one item',
    youGetBack: 'You get back {{amount}}',
    send: 'Send request',
    photo: 'Photo {{n}}',
    note: 'Note',
    notePlaceholder: 'Note to the buyer (needed to reject)',
    noteNeeded: 'Write a note to reject',
    approve: 'Approve and refund',
    reject: 'Reject',
    viewOrder: 'View order',
    refundedAmount: 'Refunded',
    partiallyRefunded: 'Partly refunded',
  },
};

/** The server's after-sales refusals (src/modules/aftersales/reasons.ts), spread into `reasons`. */
export const afterSalesReasonsEn = {
  after_sale_order_not_eligible:
    'This order cannot have a refund or return: only a paid, shipped or completed order can.',
  after_sale_points_redemption:
    'This order was redeemed with points in the points mall, so it has no refund or return. Contact us if something is wrong with it.',
  after_sale_not_shipped: 'This order has not shipped yet: ask for a refund instead of a return.',
  after_sale_already_shipped: 'This order has shipped: ask for a return instead of a refund.',
  after_sale_window_closed_one: 'The return window of {{count}} day after delivery has closed.',
  after_sale_window_closed_other: 'The return window of {{count}} days after delivery has closed.',
  after_sale_nothing_left: 'Everything in this order has been refunded already.',
  after_sale_quantity_above_refundable: 'Only {{remaining}} of this item can still be refunded.',
  after_sale_already_requested:
    'A request waiting for review already covers some of these items; {{free}} more can be asked for now.',
  after_sale_refund_in_progress: 'This refund is with the payment provider now. Refresh in a moment.',
};

/** Field labels and wordings of the after-sales form's fields. */
export const afterSalesFieldsEn = {
  reason: 'what happened',
  photos: 'photo links',
  orderItemId: 'an item',
  note: 'a note',
};
export const afterSalesFieldRulesEn = {
  orderItemId: { orderItem: 'Choose an item of this order.', uniqueItems: 'Choose each item once.' },
  photos: {
    pattern: 'Enter each photo link as a web address starting with https://, one per line.',
  },
};
