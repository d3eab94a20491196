/**
 * English texts of managed categories: the console's Categories screen, the product form's
 * category picker, and the refusals and field errors of the category API.
 */
export const categoriesEn = {
  adminCategories: {
    nav: 'Categories',
    title: 'Categories',
    hint: 'Shoppers see the categories in this order, named in their language.',
    newTitle: 'New category',
    editTitle: 'Edit “{{name}}”',
    nameEn: 'Name in English',
    nameZh: 'Name in Chinese',
    icon: 'Icon',
    category: 'Category',
    slug: 'Web address',
    products: 'Products',
    productCount: '{{active}} on sale · {{all}} in all',
    actions: 'Actions',
    add: 'Add category',
    save: 'Save',
    edit: 'Edit',
    delete: 'Delete',
    moveUp: 'Move up',
    moveDown: 'Move down',
    moveUpLabel: 'Move “{{name}}” up',
    moveDownLabel: 'Move “{{name}}” down',
    empty: 'No categories yet',
    emptyHint: 'Add the first one above; products can then be put in it.',
    deleteTitle: 'Delete “{{name}}”?',
    deleteMessage: 'No product is in this category. It disappears from the console and the shop.',
    inUseHint: 'Products are in it: move them to another category before deleting it.',
    none: 'No category',
    picker: 'Category',
    pickerHint: 'Add or rename categories under Console → Categories.',
    icons: {
      tag: 'Tag',
      leaf: 'Leaf',
      cup: 'Cup',
      cookie: 'Cookie',
      utensils: 'Utensils',
      home: 'Home',
      sparkles: 'Sparkles',
      device: 'Device',
      shirt: 'Shirt',
      gift: 'Gift',
      heart: 'Heart',
      star: 'Star',
      book: 'Book',
      basket: 'Basket',
    },
  },
};

export const categoryReasonsEn = {
  category_in_use_one: '{{count}} product is in this category: move it to another category first.',
  category_in_use_other: '{{count}} products are in this category: move them to another category first.',
  category_taken: 'A category with the web address “{{slug}}” exists already. Choose another name.',
};

/** Field errors of the category API by field (last segment of the path) and rule. */
export const categoryFieldRulesEn = {
  en: { slugEmpty: 'Use at least one letter or digit: the category’s web address is made from this name.' },
};

export const categoryFieldsEn = {
  en: 'a name in English',
  'zh-CN': 'a name in Chinese',
  icon: 'an icon',
  position: 'a place in the order',
};
