/** English strings of the points page, points at checkout and the points settings in the console. */
export const pointsEn = {
  pointsLedger: {
    title: 'My points',
    balance: 'Balance',
    balanceValue_one: '{{count}} point',
    balanceValue_other: '{{count}} points',
    debtHint: 'A refund took back points you had already spent. Points you earn next pay this off first.',
    expiringTitle: 'Expiring',
    expiringItem: '{{points}} points expire on {{date}}',
    neverExpire: 'Your points do not expire.',
    historyTitle: 'History',
    empty: 'No points yet',
    emptyHint: 'Paid orders earn points; use them to pay part of your next order.',
    expiresOn: 'expires {{date}}',
    debtPaid: '{{points}} paid off what you owed',
    reasons: {
      order: 'Paid order',
      order_refund: 'Order refunded',
      checkout: 'Used at checkout',
      checkout_return: 'Returned from an order',
      expired: 'Expired',
      invitation: 'Friend invited',
      invitationReversed: 'Invitation reward taken back',
      checkin: 'Daily check-in',
      task: 'Task reward',
      mall: 'Points mall',
      competition: 'Competition prize',
      review: 'Review',
      other: 'Other',
    },
    checkout: {
      use: 'Use {{points}} points, save {{money}}',
      none: 'You have no points to use on this order.',
      line: 'Points',
    },
    summary: {
      memberDiscount: 'Member discount',
      pointsDiscount: 'Points ({{points}})',
    },
  },
  adminPoints: {
    title: 'Points',
    nav: 'Points',
    hint: 'What paid orders earn, what points pay at checkout, and when points expire. Changes apply from now on.',
    earnPerUnit: 'Points earned per {{unit}} paid',
    redeemPerUnit: 'Points that pay {{unit}} at checkout',
    maxSharePercent: 'Largest share of an order points may pay (%)',
    expires: 'Points expire',
    expiryMonths: 'Months until points expire',
    save: 'Save',
    saved: 'Settings saved.',
    invalidNumber: 'Enter a whole number',
    invalidPercent: 'Enter a percentage between 0 and 100',
  },
};

/** Field names of the points settings, for the server's field errors. */
export const pointsFieldsEn = {
  earnPerUnit: 'Points earned',
  redeemPerUnit: 'Points per unit',
  maxShareBps: 'Largest share',
  expiryMonths: 'Months until points expire',
};
