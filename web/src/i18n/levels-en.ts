/** English strings of membership levels: my level and the console's level pages. */
export const levelsEn = {
  levels: {
    title: 'My level',
    current: 'Your level',
    growth: 'Growth',
    benefits: 'Your benefits',
    noBenefits: 'No extra benefits at this level yet — keep growing.',
    allLevels: 'All levels',
    you: 'You',
    top: 'You are at the top level. Thank you for being with us!',
    progressLabel: 'Progress to {{name}}',
    toNext_one: '{{count}} more growth to {{name}}',
    toNext_other: '{{count}} more growth to {{name}}',
    howToGrow:
      'Growth comes from what you pay for (refunds take it back), daily check-ins and finished lessons. It cannot be bought.',
    columns: { level: 'Level', from: 'From growth', benefits: 'Benefits' },
    benefit: {
      discount: '{{percent}} off every regular order',
      commission: 'Commissions ×{{factor}} when you promote',
      freeShipping: 'Free shipping',
      monthlyCoupon: 'A coupon every month',
    },
    memberDiscount: 'Member discount ({{percent}})',
  },
  adminLevels: {
    title: 'Membership levels',
    nav: 'Levels',
    hint: 'People move up as soon as their growth reaches a level; after you lower a threshold or add a level, those already above it move up within moments. Refunds lower growth but nobody moves down until the yearly review, if it is on.',
    add: 'Add a level',
    addTitle: 'New level',
    editTitle: 'Edit {{name}}',
    none: 'No levels yet',
    rank: 'Rank',
    name: 'Name',
    threshold: 'From growth',
    thresholdHint: 'Higher ranks need more growth; the lowest level starts at 0.',
    discount: 'Discount (%)',
    discountHint: 'At most 90 %, on regular orders (not group buys or the points mall).',
    multiplier: 'Commission multiplier',
    multiplierHint: '1 = the normal commission; still within the distribution cap.',
    freeShipping: 'Free shipping',
    monthlyCoupon: 'Monthly coupon',
    noCoupon: 'None',
    yes: 'Yes',
    no: 'No',
    edit: 'Edit',
    delete: 'Delete',
    deleteTitle: 'Delete {{name}}?',
    deleteMessage: 'Its members move to the level below, and are told.',
    save: 'Save level',
    settingsTitle: 'Growth and yearly review',
    rates: {
      growthPerUnit: 'Growth per currency unit paid',
      growthPerCheckin: 'Growth per check-in',
      growthPerReview: 'Growth per review',
      growthPerLesson: 'Growth per finished lesson',
    },
    reviewEnabled: 'Review levels once a year (can move people down)',
    reviewDate: 'Review day (MM-DD)',
    reviewHint:
      'Levels are recomputed from the last 12 months’ growth; members it would move down are told 30 days before. Turned on on its own day, the review waits a year.',
    nextReview: 'Next review: {{day}}',
    saveSettings: 'Save settings',
    saved: 'Saved',
  },
};

/** Field labels for field errors (the last segment of the JSON pointer), worded like the others. */
export const levelsFieldsEn = {
  rank: 'a rank',
  threshold: 'a growth threshold',
  discountBps: 'a discount of 0 to 90 %',
  commissionMultiplierBps: 'a commission multiplier',
  monthlyCouponTemplateId: 'a monthly coupon',
  reviewDate: 'a review day (MM-DD)',
  growthPerUnit: 'growth per currency unit',
  growthPerCheckin: 'growth per check-in',
  growthPerReview: 'growth per review',
  growthPerLesson: 'growth per lesson',
};

/** Refusals of the levels module. */
export const levelsReasonsEn = {
  level_rank_taken: 'A level with rank {{rank}} exists already; edit it instead.',
  level_one_required: 'The lowest level always exists and cannot be deleted.',
  level_first_not_zero: 'The lowest level must start at growth 0, not {{threshold}}.',
  level_thresholds_not_increasing:
    'Rank {{rank}} starts at {{threshold}}, which is not above rank {{belowRank}} ({{belowThreshold}}). Higher ranks need more growth.',
  level_discount_too_high: 'A level’s discount can be at most 90 %.',
};

/** Field errors of the level form worded for the field (the form checks the cap before sending). */
export const levelsFieldRulesEn = {
  discountBps: { maximum: 'A level’s discount can be at most 90 %.' },
};
