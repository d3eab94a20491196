/** English texts of the promoter centre's and payout desk's refusals and field rules (money formatted). */
export const distributionReasonsEn = {
  below_min_withdrawal: 'The smallest withdrawal is {{minWithdrawalAmount}}; you asked for {{amount}}.',
  withdrawal_above_balance: 'You can withdraw at most {{balanceAmount}}; you asked for {{amount}}.',
  payout_details_missing: 'Save where your money should go (payout details) before asking for a withdrawal.',
  withdrawal_not_covered:
    'The promoter’s balance is {{balanceAmount}}, which no longer covers this withdrawal of {{amount}}. Reject it instead.',
  commission_held_by_dispute:
    'This commission is held by a payment dispute. The hold ends when the dispute closes.',
  commission_not_held: 'This commission is not held for review any more. Refresh to see its state.',
};

/** Field wordings of the distribution settings, payout details and invitation reward forms. */
export const distributionFieldRulesEn = {
  account: {
    alipayAccount: 'Enter the email address or mobile number of an Alipay account',
    wechatAccount:
      'Enter a WeChat ID (6–20 letters, digits, _ or -, starting with a letter) or a mobile number',
    bankAccount: 'Enter an account number of 8 to 34 digits or letters',
  },
  bankName: { bankOnly: 'A bank name is only for bank accounts.' },
  ratesBps: { ratesPerLevel: 'Enter one rate per level: {{levels}} rates.' },
  couponTemplateId: { unknown: 'Choose a coupon that exists.' },
};

export const distributionFieldsEn = {
  holderName: 'the account holder’s name',
  account: 'an account',
  bankName: 'a bank name',
  maxLevels: 'the number of levels',
  ratesBps: 'the rates',
  capBps: 'the cap',
  leaderRateBps: 'the community leader rate',
  minWithdrawal: 'a minimum withdrawal',
  bindingDays: 'the binding days',
  points: 'a number of points',
  couponTemplateId: 'a coupon',
};
