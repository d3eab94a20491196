/** Texts of the market policy refusal (src/platform/policy.ts); `rule` is the feature it forbids. */
export const policyReasonsEn = {
  policy_forbids: 'This shop’s market rules ({{profile}}) do not allow this.',
};

/** The market policy's console page and the disclosure it may require. */
export const policyEn = {
  policy: {
    disclosure: 'The person who shared this may earn a commission on purchases made through it.',
  },
  adminPolicy: {
    nav: 'Market policy',
    title: 'Market policy',
    howToSwitch:
      'Set by POLICY_PROFILE when the server starts; restart with another value to switch. Orders and commissions made before a switch stay as they were.',
    rule: 'Rule',
    thisShop: 'This shop',
    source: 'Source',
    noSource: 'Fission’s own default',
    compare: 'All profiles',
    allowed: 'Allowed',
    forbidden: 'Not allowed',
    required: 'Required',
    notRequired: 'Not required',
    levels_one: '{{count}} level',
    levels_other: '{{count}} levels',
    percent: '{{percent}}% of the price',
    rules: {
      maxCommissionLevels: 'Commission levels',
      payoutCapBps: 'Total commission on one order',
      bargains: 'Bargains (friends’ help cuts the price)',
      shareToUnlock: 'Coupons unlocked by sharing',
      likeCollecting: 'Rewards for collecting likes',
      paidSharing: 'Rewards for sharing itself',
      recruitmentRewards: 'Rewards for inviting people',
      disclosure: 'Affiliate disclosure',
    },
    names: {
      default: 'Default',
      wechat: 'WeChat',
      'cn-strict': 'Mainland China, strict',
      'us-ftc': 'United States (FTC)',
      eu: 'European Union',
    },
    profiles: {
      default: 'No market rules beyond the platform’s own limits (three commission levels at most).',
      wechat: 'Selling inside WeChat (official accounts, mini programs, links opened in WeChat).',
      'cn-strict': 'Mainland China with a wide margin from the anti-pyramid-selling rules.',
      'us-ftc': 'United States: endorsements and affiliate links must be disclosed.',
      eu: 'European Union: hidden commercial intent is an unfair commercial practice.',
    },
  },
};
