import type { FieldError } from '../../platform/errors.js';

/**
 * Pure rules of payout details: what a valid account looks like for each method, how details are
 * masked for everyone but the operator paying them out, and the CSV the operator hands to the bank.
 */
export const PAYOUT_METHODS = ['alipay', 'wechat', 'bank'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

export interface PayoutDetailsInput {
  method: PayoutMethod;
  holderName: string;
  account: string;
  bankName?: string | null;
}

export interface PayoutDetails {
  method: PayoutMethod;
  holderName: string;
  account: string;
  bankName: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A mobile number: digits with an optional leading +, 6..15 digits (E.164's longest). */
const PHONE = /^\+?\d{6,15}$/;
/** A WeChat ID: 6..20 letters, digits, _ or -, starting with a letter. */
const WECHAT_ID = /^[A-Za-z][A-Za-z0-9_-]{5,19}$/;
/** A bank account number: 8..34 letters and digits (34 is IBAN's longest), no spaces once normalized. */
const BANK_ACCOUNT = /^[A-Za-z0-9]{8,34}$/;

/** Trims, and drops the spaces and dashes people type inside phone and account numbers. */
export function normalizePayoutDetails(input: PayoutDetailsInput): PayoutDetails {
  const account = input.account.trim();
  const compact = account.replace(/[\s-]/g, '');
  const method = input.method;
  const isEmail = EMAIL.test(account);
  return {
    method,
    holderName: input.holderName.trim().replace(/\s+/g, ' '),
    account: method === 'bank' || (!isEmail && method === 'alipay') ? compact : account,
    bankName: method === 'bank' ? (input.bankName?.trim() ?? '') : null,
  };
}

/** Field errors of normalized details, by JSON pointer; empty when they are valid. */
export function payoutDetailsErrors(d: PayoutDetails, input: PayoutDetailsInput): FieldError[] {
  const errors: FieldError[] = [];
  if (d.holderName.length === 0) {
    errors.push({ path: '/holderName', message: 'must not be empty', rule: 'required' });
  }
  const accountOk =
    d.method === 'alipay'
      ? EMAIL.test(d.account) || PHONE.test(d.account)
      : d.method === 'wechat'
        ? WECHAT_ID.test(d.account) || PHONE.test(d.account.replace(/[\s-]/g, ''))
        : BANK_ACCOUNT.test(d.account);
  if (!accountOk) {
    errors.push({ path: '/account', message: ACCOUNT_HINT[d.method], rule: ACCOUNT_RULE[d.method] });
  }
  if (d.method === 'bank' && !d.bankName) {
    errors.push({ path: '/bankName', message: 'is required for a bank account', rule: 'required' });
  }
  if (d.method !== 'bank' && input.bankName) {
    errors.push({ path: '/bankName', message: 'is only for bank accounts', rule: 'bankOnly' });
  }
  return errors;
}

/** The rule an account breaks, by method, for the client to word (`fieldRules.account.<rule>`). */
const ACCOUNT_RULE: Record<PayoutMethod, string> = {
  alipay: 'alipayAccount',
  wechat: 'wechatAccount',
  bank: 'bankAccount',
};

const ACCOUNT_HINT: Record<PayoutMethod, string> = {
  alipay: 'must be the email address or mobile number of an Alipay account',
  wechat: 'must be a WeChat ID (6 to 20 letters, digits, _ or -, starting with a letter) or a mobile number',
  bank: 'must be a bank account number of 8 to 34 letters and digits',
};

/**
 * An account as others may see it: an email keeps its first letter and domain (c***@example.com),
 * anything else its last four characters (**** 6789), so its owner can tell which one it is.
 */
export function maskAccount(account: string): string {
  const at = account.lastIndexOf('@');
  if (at > 0) return `${[...account][0]}***${account.slice(at)}`;
  const chars = [...account];
  return chars.length <= 4 ? '****' : `**** ${chars.slice(-4).join('')}`;
}

/** A name as others may see it: its first character (陈**, C**). */
export const maskName = (name: string): string => `${[...name][0] ?? ''}**`;

export const maskPayoutDetails = <T extends PayoutDetails>(d: T): T => ({
  ...d,
  holderName: maskName(d.holderName),
  account: maskAccount(d.account),
});

// The CSV writer is the platform's, shared by every export.
export { csvCell, csvRow } from '../../platform/csv.js';
