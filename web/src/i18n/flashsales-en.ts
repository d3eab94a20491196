/** English strings of flash sales and their console page. */
export const flashSalesEn = {
  flashSale: {
    title: 'Flash sales',
    none: 'No flash sale is on or coming up right now.',
    startsIn: 'Starts in {{time}}',
    endsIn: 'Ends in {{time}}',
    ended: 'This sale is over',
    buy: 'Buy now at {{price}}',
    limit_one: 'Limit {{count}} per person',
    limit_other: 'Limit {{count}} per person',
    soldShare_one: '{{percent}}% sold · {{count}} left',
    soldShare_other: '{{percent}}% sold · {{count}} left',
    status: { upcoming: 'Not open yet', live: 'On now', sold_out: 'Sold out', ended: 'Ended' },
  },
  adminFlashSales: {
    nav: 'Flash sales',
    title: 'Flash sales',
    none: 'No flash sales yet.',
    new: 'New flash sale',
    product: 'Product',
    window: 'When',
    left: 'Left',
    close: 'Close now',
    price: 'Flash price',
    quantity: 'Units for sale',
    perUserLimit: 'Limit per person',
    startsAt: 'Opens at',
    endsAt: 'Ends at',
    fillIn: 'Choose a variant and give a price, a number of units, a limit and both times.',
    create: 'Create flash sale',
    created: 'Flash sale created.',
  },
};

/** Flash sales' refusals and field errors (spread into problems-en.ts). */
export const flashSaleProblemsEn = {
  reasons: {
    flash_sale_not_live: 'This flash sale has not opened yet. Come back when the countdown ends.',
    flash_sale_ended: 'This flash sale is over.',
    flash_sale_sold_out_one: 'Only {{count}} unit is left in this flash sale: lower the quantity.',
    flash_sale_sold_out_other:
      'This flash sale has {{count}} units left, fewer than you asked for. Units of unpaid orders may come back soon.',
    flash_sale_limit_reached:
      'This flash sale allows {{perUserLimit}} per person; you can take {{remaining}} more.',
    flash_sale_single_item: 'A flash-sale order holds only the sale’s item. Remove the other items.',
  },
  rules: {
    flashSaleAlone: 'A flash sale’s price is the whole deal: it takes no coupon, points or other offer.',
  },
  fieldRules: {
    price: { belowRegularPrice: 'Enter a flash price below the regular price, {{price}}.' },
    endsAt: { inFuture: 'Choose an end that is still to come.' },
  },
  fields: { perUserLimit: 'a per-person limit', startsAt: 'a start', endsAt: 'an end' },
};
