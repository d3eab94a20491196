import { AppError, type ErrorCode, type FieldError } from './errors.js';

/**
 * The refusals of the security work (headers, sessions, body limits, passwords, /metrics), in one
 * place and in the shape of main's `ReasonSpec`, so they move in one step: wrap this in
 * `defineReasons` (`csrf_failed`, `json_too_deep`, `metrics_token_required` beside the platform's
 * reasons; `password_too_common`, `password_is_email` in accounts' `reasons.ts`) and build the
 * AppError with `{ reason }`. None has params. Their web texts are in web/src/i18n/security-*.ts.
 * Until then a refusal is an `AppError` that also carries its reason, and problem+json shows it.
 */
export const SECURITY_REASONS = {
  csrf_failed: {
    code: 'forbidden',
    description: 'A write authenticated by the session cookie came without its X-CSRF-Token header.',
  },
  json_too_deep: {
    code: 'invalid_input',
    description: 'The JSON body nests objects or arrays deeper than 64 levels; it was not parsed.',
  },
  metrics_token_required: {
    code: 'unauthorized',
    description: 'GET /metrics needs the METRICS_TOKEN as a bearer token.',
  },
  password_too_common: {
    code: 'invalid_input',
    description: 'The new password is one of the most common ones; `errors` names /password.',
  },
  password_is_email: {
    code: 'invalid_input',
    description: 'The new password is the email address or the part before its @; `errors` names /password.',
  },
} as const satisfies Record<string, { code: ErrorCode; description: string }>;

export type SecurityReason = keyof typeof SECURITY_REASONS;

export class SecurityRefusal extends AppError {
  constructor(
    readonly reason: SecurityReason,
    message: string,
    errors?: FieldError[],
  ) {
    super(SECURITY_REASONS[reason].code, message, errors);
  }
}

export const securityRefusal = (reason: SecurityReason, message: string, errors?: FieldError[]) =>
  new SecurityRefusal(reason, message, errors);
