/**
 * Texts of the security refusals (src/platform/security-reasons.ts), to spread into `reasonsEn`
 * once problem texts by reason are on this branch.
 */
export const securityReasonsEn = {
  csrf_failed: 'Your session could not be confirmed. Reload the page and try again.',
  json_too_deep: 'That request is too complex to read.',
  metrics_token_required: 'The metrics need their access token.',
  password_too_common: 'That password is one of the most common ones. Choose one that is harder to guess.',
  password_is_email: 'Do not use your email address as your password.',
};
