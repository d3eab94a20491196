import type { i18n as I18n } from 'i18next';
import { type FieldError, isApiError } from './api-error';

/** Params that are money by the API's naming rule (API.md); they arrive in minor units. */
const MONEY_PARAM = /^(amount|price|total|subtotal|discount)$|Amount$/;

type Params = Record<string, string | number | boolean | null>;

/** The params ready for a message: money formatted, `count` for plural forms where one number leads. */
function wordingParams(params: Params, money: (minor: number) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'number' && MONEY_PARAM.test(key) ? money(value) : value;
  }
  return out;
}

/** A reason's single number (`retryAfterSeconds`) doubles as the plural `count`. */
function withCount(params: Params): Params {
  const numbers = Object.values(params).filter((v) => typeof v === 'number');
  return numbers.length === 1 && params.count === undefined ? { ...params, count: numbers[0] ?? 0 } : params;
}

export interface Wording {
  i18n: I18n;
  /** Formats minor units in the platform currency and the reader's language. */
  money: (minor: number) => string;
}

// Keys are built from the server's reasons and rules at run time, so the typed `t` cannot check them;
// problem-text.test.ts checks instead that every reason of the API has a text in every language.
const text = (i18n: I18n, key: string, params: Record<string, unknown>) =>
  i18n.exists(key, params) ? (i18n.t as (k: string, p: object) => string)(key, params) : undefined;

/** One field error in the reader's language: by field and rule ("Enter a phone number."). */
export function fieldErrorText(error: FieldError, { i18n, money }: Wording): string {
  const name = error.path.split('/').filter(Boolean).at(-1) ?? '';
  const field = text(i18n, `fields.${name}`, {}) ?? name;
  const params = wordingParams(error.params ?? {}, money);
  const count = error.params?.limit;
  return (
    text(i18n, `fieldRules.${name}.${error.rule}`, params) ??
    text(i18n, `rules.${error.rule ?? 'invalid'}`, { ...params, field, count }) ??
    (text(i18n, 'rules.invalid', { field }) as string)
  );
}

/**
 * Any error as a sentence for a person: the reason's text with its params, then the server's English
 * detail only when this version of the app has no text for a reason (a newer server), then a generic line.
 */
export function problemText(error: unknown, wording: Wording): string {
  const { i18n, money } = wording;
  if (!isApiError(error)) return i18n.t('common.error');
  if (error.reason === 'invalid_input' && error.errors.length === 1) {
    return fieldErrorText(error.errors[0] as FieldError, wording);
  }
  const params = wordingParams(withCount(error.params), money);
  return text(i18n, `reasons.${error.reason}`, params) ?? (error.detail || i18n.t('common.error'));
}
