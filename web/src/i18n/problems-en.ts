import { afterSalesFieldRulesEn, afterSalesFieldsEn, afterSalesReasonsEn } from './aftersales-en';
import { bargainProblemsEn } from './bargains-en';
import { catalogFieldRulesEn, catalogFieldsEn, catalogReasonsEn } from './catalog-en';
import { categoryFieldRulesEn, categoryFieldsEn, categoryReasonsEn } from './categories-en';
import { couponProblemsEn } from './coupons-en';
import {
  distributionFieldRulesEn,
  distributionFieldsEn,
  distributionReasonsEn,
} from './distribution-problems-en';
import { flashSaleProblemsEn } from './flashsales-en';
import { fulfilmentFieldRulesEn, fulfilmentFieldsEn, fulfilmentReasonsEn } from './fulfilment-en';
import { giftProblemsEn } from './gifts-en';
import { groupBuyProblemsEn } from './groupbuy-en';
import { ordersReasonsEn } from './orders-en';
/**
 * English texts of the server's refusals. `reasons` has one entry per `ProblemReason` of the API
 * (web/src/lib/problem-text.test.ts renders each); money params arrive formatted. Each area adds its
 * reasons in its own file and one spread line here.
 */
import { policyReasonsEn } from './policy-en';
import { securityReasonsEn } from './security-en';
import { simulatorProblemsEn } from './simulator-en';
import { uploadsReasonsEn } from './uploads-en';

export const reasonsEn = {
  ...securityReasonsEn,
  ...policyReasonsEn,
  ...uploadsReasonsEn,
  ...ordersReasonsEn,
  ...distributionReasonsEn,
  invalid_input: 'Some of what you entered needs another look.',
  unauthorized: 'Please sign in to continue.',
  forbidden: 'Your account is not allowed to do this.',
  not_found: 'We could not find that. It may have been removed.',
  conflict: 'This changed in the meantime. Refresh and try again.',
  payload_too_large: 'That is too large to send.',
  unsupported_media_type: 'That kind of file or data is not accepted here.',
  business_rule: 'This is not allowed by the shop’s rules.',
  rate_limited_one: 'Too many attempts. Try again in {{count}} second.',
  rate_limited_other: 'Too many attempts. Try again in {{count}} seconds.',
  unavailable: 'This is not available right now. Please try again later.',
  idempotency_key_reused: 'This request was already sent with other details. Refresh and try again.',
  idempotency_key_in_progress: 'Your previous attempt is still being processed. Wait a moment.',
  invalid_transition: 'This step is no longer possible. Refresh to see the latest state.',
  internal_error: 'Something went wrong on our side. Please try again.',
  ...afterSalesReasonsEn,
  ...fulfilmentReasonsEn,
  ...catalogReasonsEn,
  ...categoryReasonsEn,
  ...groupBuyProblemsEn.reasons,
  ...flashSaleProblemsEn.reasons,
  ...giftProblemsEn.reasons,
  ...simulatorProblemsEn.reasons,
  ...bargainProblemsEn.reasons,
  ...couponProblemsEn.reasons,
};

/** Field errors by rule; `{{field}}` is the field's label, the rest are the rule's params. */
export const rulesEn = {
  required: 'Enter {{field}}.',
  minLength_one: 'Enter {{field}} of at least {{count}} character.',
  minLength_other: 'Enter {{field}} of at least {{count}} characters.',
  maxLength_one: 'Enter {{field}} of at most {{count}} character.',
  maxLength_other: 'Enter {{field}} of at most {{count}} characters.',
  minimum: 'Enter {{field}} of at least {{limit}}.',
  maximum: 'Enter {{field}} of at most {{limit}}.',
  exclusiveMinimum: 'Enter {{field}} above {{limit}}.',
  exclusiveMaximum: 'Enter {{field}} below {{limit}}.',
  minItems: 'Add at least {{limit}} to {{field}}.',
  maxItems: 'Add at most {{limit}} to {{field}}.',
  format: 'Enter {{field}} in a valid form.',
  pattern: 'Enter {{field}} in a valid form.',
  type: 'Enter {{field}} in a valid form.',
  enum: 'Choose {{field}} from the options.',
  const: 'Choose {{field}} from the options.',
  anyOf: 'Enter {{field}} in a valid form.',
  multipleOf: 'Enter {{field}} in a valid form.',
  additionalProperties: 'Leave out {{field}}: it is not expected here.',
  cursor: 'This list changed. Reload it from the start.',
  invalid: 'Enter {{field}} in a valid form.',
  ...bargainProblemsEn.rules,
  ...flashSaleProblemsEn.rules,
  ...giftProblemsEn.rules,
};

/** Wordings for one field and rule where the general one would be vague. */
export const fieldRulesEn = {
  ...distributionFieldRulesEn,
  phone: { pattern: 'Enter a phone number: digits, spaces and + ( ) - only.' },
  email: { format: 'Enter an email address such as name@example.com.' },
  password: {
    minLength: 'Use at least 8 characters for your password.',
    password_too_common: 'That password is one of the most common ones. Choose one that is harder to guess.',
    password_is_email: 'Do not use your email address as your password.',
  },
  ...afterSalesFieldRulesEn,
  ...fulfilmentFieldRulesEn,
  ...catalogFieldRulesEn,
  ...categoryFieldRulesEn,
  ...groupBuyProblemsEn.fieldRules,
  // Flash sales share fields with group deals: their rules are merged, not replaced.
  price: { ...groupBuyProblemsEn.fieldRules.price, ...flashSaleProblemsEn.fieldRules.price },
  endsAt: { ...groupBuyProblemsEn.fieldRules.endsAt, ...flashSaleProblemsEn.fieldRules.endsAt },
  ...couponProblemsEn.fieldRules,
  ...bargainProblemsEn.fieldRules,
};

/** Field labels by the last segment of the JSON pointer, for field errors worded by rule. */
export const fieldsEn = {
  ...distributionFieldsEn,
  email: 'an email address',
  password: 'a password',
  name: 'a name',
  phone: 'a phone number',
  line1: 'an address',
  line2: 'the second address line',
  city: 'a city',
  postalCode: 'a postal code',
  country: 'a country',
  title: 'a title',
  description: 'a description',
  price: 'a price',
  stock: 'a stock count',
  sku: 'an SKU',
  quantity: 'a quantity',
  amount: 'an amount',
  slug: 'a web address',
  inviteCode: 'an invitation code',
  code: 'a code',
  cursor: 'the list position',
  limit: 'the page size',
  ...afterSalesFieldsEn,
  ...fulfilmentFieldsEn,
  ...catalogFieldsEn,
  ...categoryFieldsEn,
  ...groupBuyProblemsEn.fields,
  ...flashSaleProblemsEn.fields,
  ...giftProblemsEn.fields,
  ...couponProblemsEn.fields,
  ...bargainProblemsEn.fields,
};
