/** English strings of the shopper's path from a share link: the product action bar, Buy now, the live group. */
export const shopperEn = {
  shopper: {
    actions: 'Buy',
    buyAlone: 'Buy alone',
    startGroup: 'Start a group',
    intentExpired: 'This Buy now has expired. Open the product again to buy it.',
    youreIn: 'You’re in — share to fill it',
  },
};
