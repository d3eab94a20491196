/** English strings of fulfilment: shipping, confirming receipt, cancelling, the CSV import. */
export const fulfilmentEn = {
  fulfilment: {
    placed: 'Order placed',
    shipment: 'Delivery',
    carrier: 'Carrier',
    trackingNumber: 'Tracking number',
    copyTracking: 'Copy',
    shippedAt: 'Shipped {{time}}',
    autoConfirmOn: 'Not confirmed by you, delivery is confirmed automatically on {{time}}.',
    notShippedYet: 'The shop is preparing your order.',
    confirmReceipt: 'Confirm receipt',
    confirmReceiptTitle: 'Did your parcel arrive?',
    confirmReceiptText:
      'Confirm only once you have the goods. The order is then completed and its return window starts.',
    received: 'Yes, I received it',
    cancelOrder: 'Cancel order',
    cancelTitle: 'Cancel this order?',
    cancelText: 'The order is closed and its items go back on sale. You can order again at any time.',
    cancelConfirm: 'Cancel the order',
    shippedWith: '{{carrier}} · {{trackingNumber}}',
    notes: {
      confirmedByBuyer: 'Confirmed by the buyer',
      confirmedAutomatically: 'Confirmed automatically after the confirmation period',
      cancelledByBuyer: 'Cancelled by the buyer',
      notPaidInTime: 'Not paid in time',
      afterSalesRefund: "Refunded at the buyer's request",
      afterSalesReturn: 'Returned and refunded',
      collectedAtPickup: 'Collected at the pickup point',
      notCollectedInTime: 'Not collected at the pickup point in time',
    },
    admin: {
      shipTitle: 'Ship this order',
      shipHint: 'The buyer sees the carrier and tracking number straight away.',
      carrierPlaceholder: 'SF Express',
      ship: 'Mark shipped',
      waitingGroup: 'This order ships once its group succeeds.',
      toShip: 'To ship',
      importCsv: 'Ship from CSV',
      importTitle: 'Ship orders from a CSV file',
      importHint:
        'A header line orderId,carrier,trackingNumber, then one order per line (at most 1000). Other columns are ignored.',
      file: 'CSV file',
      paste: 'Or paste the CSV',
      importSubmit: 'Ship these orders',
      nothingToImport: 'Choose a file or paste the CSV first.',
      summary: '{{shipped}} shipped, {{refused}} refused',
      line: 'Line',
      order: 'Order',
      outcome: 'Result',
      rowShipped: 'Shipped',
      backToOrders: 'Back to orders',
    },
  },
};

/**
 * The server's fulfilment refusals (src/modules/fulfilment/reasons.ts), and the orders module's
 * refusals of an order's state that the ship route and every CSV row carry, spread into `reasons`.
 */
export const fulfilmentReasonsEn = {
  shipment_order_not_found: 'No order has this id.',
  shipment_csv_unclosed_quote: 'A quote opened on line {{line}} is never closed. Close it and try again.',
  shipment_csv_empty: 'The file is empty. Start it with the header line orderId,carrier,trackingNumber.',
  shipment_csv_columns_missing: 'The header line lacks these columns: {{missing}}.',
  shipment_csv_no_rows: 'The file has a header line but no orders to ship.',
  shipment_csv_too_many_rows: 'The file has {{rows}} rows; one import takes at most {{max}}. Split the file.',
  shipment_row_malformed: 'The row cannot be read: check its quotes and that it has every column.',
  shipment_row_invalid: 'A field of this row is missing or wrong.',
  shipment_row_failed: 'Could not ship this one; try it again.',
};

export const fulfilmentFieldsEn = {
  carrier: 'a carrier',
  trackingNumber: 'a tracking number',
  orderId: 'an order id',
  header: 'the header line',
};
export const fulfilmentFieldRulesEn = {
  carrier: { controlCharacters: 'Enter a carrier without control characters.' },
  trackingNumber: { pattern: 'Enter a tracking number of letters, digits and . _ / - only.' },
  orderId: { pattern: 'Enter an order id as the order page shows it.' },
};
