import { AppError, type ErrorCode, type FieldError } from './errors.js';

/**
 * The refusals of the security work (headers, sessions, body limits, passwords, /metrics), in one
 * place so they move to the platform's reason catalogues in one step: `csrf_failed`, `json_too_deep`
 * and `metrics_token_required` belong with the generic reasons of `src/platform/reasons.ts`,
 * `password_too_common` and `password_is_email` with accounts' own `reasons.ts`. None has params.
 * Until then a refusal is an `AppError` that also carries its reason, and problem+json shows it.
 */
export const SECURITY_REASONS = {
  /** A cookie-authenticated write without the session's CSRF token (see platform/http/session.ts). */
  csrf_failed: 'forbidden',
  /** A JSON body nested deeper than MAX_JSON_DEPTH, refused before it is parsed. */
  json_too_deep: 'invalid_input',
  /** GET /metrics without the METRICS_TOKEN bearer token. */
  metrics_token_required: 'unauthorized',
  /** A new password that is on the list of the most common ones. */
  password_too_common: 'invalid_input',
  /** A new password equal to the account's email or the part before its @. */
  password_is_email: 'invalid_input',
} as const satisfies Record<string, ErrorCode>;

export type SecurityReason = keyof typeof SECURITY_REASONS;

export class SecurityRefusal extends AppError {
  constructor(
    readonly reason: SecurityReason,
    message: string,
    errors?: FieldError[],
  ) {
    super(SECURITY_REASONS[reason], message, errors);
  }
}

export const securityRefusal = (reason: SecurityReason, message: string, errors?: FieldError[]) =>
  new SecurityRefusal(reason, message, errors);
