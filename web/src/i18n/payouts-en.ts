/** English strings of payout details, holds and the operator's payout view. */
export const payoutsEn = {
  payouts: {
    title: 'Where your money goes',
    intro:
      'Withdrawals are paid to the account you save here. Each withdrawal keeps the details it was asked with.',
    current: 'Paid to:',
    none: 'No payout account saved yet.',
    updatedAt: 'saved {{time}}',
    methodLabel: 'Pay me through',
    method: { alipay: 'Alipay', wechat: 'WeChat Pay', bank: 'Bank account' },
    holderName: 'Account holder’s name',
    holderNameHint: 'As the account shows it, so the payment is not refused.',
    account: {
      alipay: 'Alipay account',
      wechat: 'WeChat ID or mobile number',
      bank: 'Account number',
    },
    accountHint: {
      alipay: 'The email address or mobile number you sign in to Alipay with',
      wechat: 'Your WeChat ID, or the mobile number bound to WeChat Pay',
      bank: 'Digits only; spaces are fine',
    },
    bankName: 'Bank and branch',
    bankNameHint: 'e.g. ICBC, Shanghai Pudong branch',
    save: 'Save payout account',
    replace: 'Replace payout account',
    saved: 'Saved. New withdrawals are paid to this account.',
    errors: {
      required: 'Required',
    },
    paidTo: 'Paid to:',
    change: 'Change',
    neededFirst: 'Save where your money should go before you withdraw.',
    addDetails: 'Add a payout account',
    holdReason: {
      shared_device: 'Bought on your own device: the operator is reviewing it.',
      dispute: 'The buyer disputed the payment: held until the dispute closes.',
      low_trust: 'Your trust value is below the shop’s threshold: the operator is reviewing it.',
    },
    signal: { shared_ip: 'Same network address as the promoter (not held)' },
    signals: 'Signals',
    signalsTitle: 'Shared-address sales',
    signalsHint:
      'Buyer and promoter used the same network address: common on one Wi-Fi, office or mobile network, so nothing is held. Look here for patterns.',
    noSignals: 'No shared-address sales',
    disputeNoRelease: 'Ends when the dispute closes',
    payTo: 'Pay to',
    balance: 'Balance',
    covers: 'Covers it',
    doesNotCover: 'Does not cover it',
    noSnapshot: 'No payout details (asked before they were required)',
    approveRefused:
      'Not paid: the promoter’s balance no longer covers this withdrawal (a refund or dispute took commission back). Reject it, or wait for new earnings.',
    exportApproved: 'Export approved (CSV)',
    exportHint:
      'A CSV of approved withdrawals with the full payout details, for the bank or payment platform.',
  },
};
