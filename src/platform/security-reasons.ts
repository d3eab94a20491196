import { AppError, type FieldError } from './errors.js';
import { defineReasons } from './reasons.js';

/**
 * The refusals of the security layer (sessions, body limits, passwords, /metrics). None has params.
 * Their web texts are in web/src/i18n/security-*.ts.
 */
export const SECURITY_REASONS = defineReasons({
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
});

export type SecurityReason = keyof typeof SECURITY_REASONS;

export const securityRefusal = (reason: SecurityReason, message: string, errors?: FieldError[]) =>
  new AppError(SECURITY_REASONS[reason].code, message, errors, { reason });
