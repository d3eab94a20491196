/** English strings of the address book and checkout's address and line names. */
export const addressesEn = {
  addresses: {
    title: 'My addresses',
    none: 'No saved addresses yet. Add one and checkout fills itself in.',
    default: 'Default',
    makeDefault: 'Make default',
    edit: 'Edit',
    delete: 'Delete',
    deleteTitle: 'Delete this address?',
    deleteMessage: 'Orders already placed keep the address they were sent to.',
    add: 'Add an address',
    addNew: 'Send to a new address',
    full_one: 'You keep the most addresses allowed ({{count}}); delete one to add another',
    full_other: 'You keep the most addresses allowed ({{count}}); delete one to add another',
    save: 'Save address',
    cancel: 'Cancel',
    optional: '{{label}} (optional)',
    savedToAccount: 'This address is saved to your account for next time.',
    bookFull: 'Your address book is full, so this address is used for this order only.',
    fields: {
      name: 'Recipient name',
      phone: 'Mobile phone',
      province: 'Province / state',
      city: 'City',
      district: 'District',
      line1: 'Street address',
      line2: 'Building, floor, apartment',
      postalCode: 'Postal code',
    },
  },
  checkoutLine: {
    withVariant: '{{title}} · {{variant}}',
    quantity_one: '× {{count}}',
    quantity_other: '× {{count}}',
  },
};

export const addressesReasonsEn = {
  address_limit: 'You already keep {{max}} addresses, the most allowed. Delete one to add another.',
};

export const addressesFieldsEn = {
  province: 'a province',
  district: 'a district',
};
