/** English strings of gifts: checkout's toggle, the order's gift card, the claim page and My gifts. */
export const giftsEn = {
  gifts: {
    toggle: 'Send as a gift',
    toggleHint: 'Pay now and send your friend a link: they enter their own address, which you never see.',
    message: 'Message for your friend (optional)',
    messagePlaceholder: 'Happy birthday!',
    charsLeft_one: '{{count}} character left',
    charsLeft_other: '{{count}} characters left',
    noAddressNeeded: 'No address needed: your friend gives it when they claim the gift.',
    title: 'Gift',
    status: {
      awaiting_payment: 'Waiting for payment',
      unclaimed: 'Waiting to be claimed',
      claimed: 'Claimed',
      refunded: 'Refunded',
      cancelled: 'Cancelled',
    },
    payFirst: 'Once you pay, you get a link to send to your friend.',
    sendLink: 'Send this link to your friend',
    claimWithin_one: 'They have {{count}} day to claim it, until {{time}}. Unclaimed, it is refunded to you.',
    claimWithin_other:
      'They have {{count}} days to claim it, until {{time}}. Unclaimed, it is refunded to you.',
    copyLink: 'Copy link',
    share: 'Share',
    shareTitle: 'A gift for you',
    shareText: 'I sent you a gift. Open the link to claim it.',
    claimedBySomeone:
      'Your friend claimed it on {{time}}. It ships to the address they gave; you don’t see it.',
    refundedToYou: 'Nobody claimed this gift in time, so it was refunded to you.',
    yoursNow: 'You received this gift. Its delivery and after-sales are yours.',
    messageLabel: 'Message',
    unclaimedRefunded: 'Refunded: nobody claimed the gift in time',
    claim: {
      title: 'A gift for you',
      from: 'From {{name}}',
      contents: 'What’s inside',
      claimBy: 'Claim it by {{time}}',
      signInHint:
        'Sign in or create an account, then tell us where it should go. The sender never sees your address.',
      signIn: 'Sign in to claim it',
      signUp: 'Create an account',
      submit: 'Claim gift',
      claimedTitle: 'It’s yours!',
      claimedHint: 'The gift ships to your address. Follow it on the order page.',
      viewOrder: 'View the order',
      taken: 'This gift has already been claimed.',
      takenByYou: 'You claimed this gift.',
      closed:
        'This gift is no longer available: nobody claimed it in time, or it was refunded to its sender.',
      expired: 'The time to claim this gift has run out.',
      own: 'This is your gift: send the link to the friend it is for.',
      notFound: 'This gift link is not valid',
      notFoundHint: 'Check the link you were sent, or ask your friend to send it again.',
    },
    mine: {
      title: 'My gifts',
      sent: 'Sent',
      received: 'Received',
      noneSent: 'You haven’t sent any gifts yet.',
      noneReceived: 'You haven’t received any gifts yet.',
      to: 'To {{name}}',
      from: 'From {{name}}',
      viewOrder: 'View order',
    },
  },
};

/** Gifts' refusals and field errors (spread into problems-en.ts). */
export const giftProblemsEn = {
  reasons: {
    gift_own: 'This is your own gift. Send its link to the friend it is for.',
    gift_already_claimed: 'This gift has already been claimed.',
    gift_refunded: 'This gift was refunded to its sender and can no longer be claimed.',
    gift_expired: 'The time to claim this gift has run out. It is being refunded to its sender.',
    gift_not_claimed: 'This gift has not been claimed yet: it ships once its recipient gives an address.',
  },
  rules: {
    giftAlone: 'A gift cannot be part of a group buy or a bargain. Buy it on its own.',
  },
  fields: { message: 'a message' },
};
