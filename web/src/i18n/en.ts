import { academyEn, academyReasonsEn } from './academy-en';
import { addressesEn, addressesFieldsEn, addressesReasonsEn } from './addresses-en';
import { afterSalesEn } from './aftersales-en';
import { analyticsEn, analyticsFieldRulesEn } from './analytics-en';
import { auditEn } from './audit-en';
import { bargainsEn } from './bargains-en';
import { catalogIoEn } from './catalog-io-en';
import { categoriesEn } from './categories-en';
import { checkinsEn, checkinsFieldsEn, checkinsReasonsEn } from './checkins-en';
import { communitiesEn, communitiesReasonsEn } from './communities-en';
import { competitionsEn, competitionsReasonsEn } from './competitions-en';
import { consoleEn } from './console-en';
import { couponsEn } from './coupons-en';
import { discoveryEn } from './discovery-en';
import { distributionEn } from './distribution-en';
import { flashSalesEn } from './flashsales-en';
import { fraudEn } from './fraud-en';
import { fulfilmentEn } from './fulfilment-en';
import { giftsEn } from './gifts-en';
import { groupBuyEn } from './groupbuy-en';
import { growthEn, growthReasonsEn } from './growth-en';
import { honoursEn } from './honours-en';
import { layoutEn } from './layout-en';
import { levelsEn, levelsFieldRulesEn, levelsFieldsEn, levelsReasonsEn } from './levels-en';
import { liveEn, liveReasonsEn } from './live-en';
import { moderationEn, moderationReasonsEn } from './moderation-en';
import { notificationsEn } from './notifications-en';
import { ordersEn } from './orders-en';
import { paymentsEn } from './payments-en';
import { payoutsEn } from './payouts-en';
import { peopleEn, peopleReasonsEn } from './people-en';
import { pointsEn, pointsFieldsEn } from './points-en';
import { pointsMallEn, pointsMallFieldsEn, pointsMallReasonsEn } from './points-mall-en';
import { policyEn } from './policy-en';
import { postsEn, postsReasonsEn } from './posts-en';
import { privacyEn } from './privacy-en';
import { fieldRulesEn, fieldsEn, reasonsEn, rulesEn } from './problems-en';
import { recommendationsEn } from './recommendations-en';
import { reviewsEn, reviewsReasonsEn } from './reviews-en';
import { sharingEn, sharingReasonsEn } from './sharing-en';
import { shippingEn, shippingFieldsEn, shippingReasonsEn } from './shipping-en';
import { shopperEn } from './shopper-en';
import { simulatorEn } from './simulator-en';
import { stockEn } from './stock-en';
import { structureEn } from './structure-en';
import { tasksEn } from './tasks-en';
import { uploadsEn } from './uploads-en';

/** English: the reference catalog. Every other language has exactly these keys (checked by the compiler). */
export const en = {
  common: {
    loading: 'Loading…',
    loadMore: 'Load more',
    working: 'Please wait…',
    error: 'Something went wrong. Please try again.',
    notFound: 'Page not found',
    backHome: 'Back to the shop',
    search: 'Search',
    cancel: 'Cancel',
  },
  nav: {
    main: 'Main',
    mobile: 'Shortcuts',
    home: 'Home',
    orders: 'Orders',
    cart: 'Cart',
    account: 'Me',
    language: 'Language',
    searchPlaceholder: 'Search products',
    cartWithCount: 'Cart, {{count}} items',
  },
  footer: {
    tagline: 'Fission — shop, share, earn. Open-source social commerce.',
  },
  auth: {
    signIn: 'Sign in',
    signUp: 'Sign up',
    signOut: 'Sign out',
    signInTitle: 'Welcome back',
    signUpTitle: 'Create your account',
    createAccount: 'Create account',
    name: 'Name',
    email: 'Email',
    password: 'Password',
    passwordHint: 'At least 8 characters',
    passwordTooShort: 'Use at least 8 characters',
    inviteCode: 'Invite code (optional)',
    inviteCodeHint: 'Got a code from a friend? Enter it here.',
    noAccount: 'New here?',
    haveAccount: 'Already have an account?',
  },
  account: {
    title: 'My account',
    roles: 'Roles',
    inviteTitle: 'Invite friends',
    inviteHint: 'Share your code or link. Friends who sign up with it join your team.',
    copyCode: 'Copy code',
    copyLink: 'Copy link',
    copied: 'Copied!',
  },
  catalog: {
    heroTitle: 'Good things, shared by friends',
    heroText: 'Shop what people you trust love — and earn when you share.',
    all: 'All',
    categories: 'Categories',
    fromPrice: 'from {{price}}',
    outOfStock: 'Out of stock',
    unavailable: 'No longer available',
    inStock: 'In stock',
    fewLeft: 'Only {{count}} left',
    resultsFor: 'Results for “{{q}}”',
    noMatch: 'No products match “{{q}}”',
    noProducts: 'No products yet',
    notFound: 'Product not found',
    variant: 'Choose an option',
    quantity: 'Quantity',
    increase: 'Increase quantity',
    decrease: 'Decrease quantity',
    addToCart: 'Add to cart',
    buyNow: 'Buy now',
    added: 'Added to your cart.',
    viewCart: 'View cart',
    showImage: 'Show image {{number}}',
    imageOf: '{{title}}, image {{number}}',
  },
  cart: {
    title: 'Cart',
    empty: 'Your cart is empty',
    continueShopping: 'Continue shopping',
    remove: 'Remove',
    subtotal_one: 'Subtotal ({{count}} item)',
    subtotal_other: 'Subtotal ({{count}} items)',
    checkout: 'Check out',
  },
  checkout: {
    title: 'Checkout',
    address: 'Delivery address',
    summary: 'Order summary',
    placeOrder: 'Place order',
    notEnoughStock: 'Sorry, there is not enough stock for one of the items. Please adjust your cart.',
  },
  pay: {
    title: 'Payment',
    amountDue: 'Amount due',
    deadline: 'Pay before {{time}}',
    sandboxTitle: 'Sandbox payment — no real money moves.',
    sandboxText: 'This shop runs the test payment provider: choose whether the payment succeeds or fails.',
    pay: 'Pay {{amount}}',
    fail: 'Simulate a failed payment',
    viewOrder: 'View order',
  },
  orders: {
    myOrders: 'My orders',
    orderTitle: 'Order',
    none: 'No orders yet',
    notFound: 'Order not found',
    items: 'Items',
    subtotal: 'Subtotal',
    discount: 'Discount',
    total: 'Total',
    times: '{{quantity}} × {{price}}',
    moreItems: '+{{count}} more',
    placedAt: 'Placed {{time}}',
    source: { post: 'Bought from a post', live: 'Bought in a live room' },
    payNow: 'Pay now',
    paymentFailed: 'The last payment attempt failed. You can try again.',
    timeline: 'Progress',
    backToOrders: 'All my orders',
    filterByStatus: 'Filter by status',
    status: {
      pending_payment: 'Awaiting payment',
      paid: 'Paid',
      shipped: 'Shipped',
      completed: 'Completed',
      refunded: 'Refunded',
      cancelled: 'Cancelled',
    },
  },
  admin: {
    title: 'Admin',
    notAllowed: 'Not allowed',
    notAllowedHint: 'This area is for shop operators.',
    backToShop: 'Back to the shop',
    products: 'Products',
    orders: 'Orders',
    newProduct: 'New product',
    editProduct: 'Edit product',
    viewInShop: 'View in shop',
    searchProducts: 'Search products',
    searchOrders: 'Search by buyer or order',
    includeArchived: 'Include archived',
    noProducts: 'No products found',
    price: 'Price',
    totalStock: 'Stock',
    status: 'Status',
    actions: 'Actions',
    edit: 'Edit',
    view: 'View',
    archive: 'Archive',
    restore: 'Restore',
    buyer: 'Buyer',
    orderPlaced: 'Placed',
    productStatus: { active: 'Active', archived: 'Archived' },
    orderActions: { complete: 'Mark completed', refund: 'Refund' },
    orderConfirm: {
      complete: 'Mark this order as delivered and completed? The return window starts now.',
      refund: 'Refund this order in full? Stock returns and commissions on it are reversed.',
    },
    product: {
      title: 'Title',
      description: 'Description',
      category: 'Category',
      images: 'Images',
      commission: 'Commission override (%)',
      commissionHint: 'Leave empty to use the platform rates.',
      leaderRate: 'Community leader rate (%)',
      leaderRateHint: 'Leave empty to use the platform’s leader rate.',
      variants: 'Variants',
      variantsHint: 'Saved variants stay because orders refer to them; set their stock to 0 to stop selling.',
      sku: 'SKU',
      variantTitle: 'Option name',
      priceIn: 'Price ({{currency}})',
      stock: 'Stock',
      addVariant: 'Add variant',
      removeVariant: 'Remove',
      savedVariantStays: 'Saved variants cannot be removed',
      save: 'Save product',
      saved: 'Product saved.',
      fixErrors: 'Please fix the highlighted fields.',
      errors: {
        invalidPrice: 'Enter a price like 12.90',
        invalidStock: 'Enter a whole number',
        invalidPercent: 'Enter a percentage between 0 and 100, like 5.5',
      },
    },
  },
  ...distributionEn,
  ...discoveryEn,
  ...couponsEn,
  ...fulfilmentEn,
  ...groupBuyEn,
  ...flashSalesEn,
  ...recommendationsEn,
  ...giftsEn,
  ...policyEn,
  ...bargainsEn,
  ...consoleEn,
  ...stockEn,
  ...structureEn,
  ...analyticsEn,
  ...simulatorEn,
  ...catalogIoEn,
  ...categoriesEn,
  ...uploadsEn,
  ...privacyEn,
  ...payoutsEn,
  ...notificationsEn,
  ...paymentsEn,
  ...afterSalesEn,
  ...fraudEn,
  ...sharingEn,
  ...ordersEn,
  ...layoutEn,
  ...shopperEn,
  ...addressesEn,
  ...growthEn,
  ...checkinsEn,
  ...levelsEn,
  ...shippingEn,
  ...tasksEn,
  ...honoursEn,
  ...academyEn,
  ...postsEn,
  ...competitionsEn,
  ...pointsMallEn,
  ...peopleEn,
  ...pointsEn,
  ...auditEn,
  ...reviewsEn,
  ...moderationEn,
  ...communitiesEn,
  ...liveEn,
  reasons: {
    ...reviewsReasonsEn,
    ...moderationReasonsEn,
    ...reasonsEn,
    ...communitiesReasonsEn,
    ...sharingReasonsEn,
    ...addressesReasonsEn,
    ...growthReasonsEn,
    ...checkinsReasonsEn,
    ...levelsReasonsEn,
    ...shippingReasonsEn,
    ...academyReasonsEn,
    ...postsReasonsEn,
    ...competitionsReasonsEn,
    ...pointsMallReasonsEn,
    ...peopleReasonsEn,
    ...liveReasonsEn,
  },
  rules: rulesEn,
  fields: {
    ...fieldsEn,
    ...addressesFieldsEn,
    ...checkinsFieldsEn,
    ...levelsFieldsEn,
    ...shippingFieldsEn,
    ...pointsMallFieldsEn,
    ...pointsFieldsEn,
  },
  fieldRules: { ...fieldRulesEn, ...levelsFieldRulesEn, ...analyticsFieldRulesEn },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
export type Messages = Catalog<typeof en>;
