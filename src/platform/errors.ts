/**
 * The closed set of error codes the domain may raise, and the one table that maps them to HTTP
 * statuses. Modules throw `AppError`; only the HTTP edge knows about statuses and problem+json.
 */
export const errorStatus = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  business_rule: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A refusal's facts for the client to word: ids, counts, money in minor units. Never prose. */
export type ReasonParams = Record<string, string | number | boolean | null>;

export interface FieldError {
  path: string;
  /** English fallback text; clients word the field error from `rule` and `params`. */
  message: string;
  /** The rule the value broke: a JSON-schema keyword (`minLength`, `format`, `required`, …) or a domain rule. */
  rule?: string;
  params?: ReasonParams;
}

export interface AppErrorOptions {
  cause?: unknown;
  /** The stable, specific reason (see `platform/reasons.ts`); the generic one for `code` when absent. */
  reason?: string;
  params?: ReasonParams;
}

export class AppError extends Error {
  readonly reason: string;
  readonly params?: ReasonParams;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.reason = options.reason ?? code;
    this.params = options.params;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string) => new AppError('conflict', message);
export const invalidInput = (path: string, message: string, rule?: string, params?: ReasonParams) =>
  new AppError('invalid_input', 'The request is invalid', [
    { path, message, ...(rule ? { rule } : {}), ...(params ? { params } : {}) },
  ]);
export const businessRule = (message: string) => new AppError('business_rule', message);
export const unauthorized = (message = 'Sign in to continue') => new AppError('unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
