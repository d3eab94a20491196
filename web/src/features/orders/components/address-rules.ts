import type { FieldError } from '../../../lib/api-error';
import type { AddressDraft } from './address-form';

/**
 * The checks the server's address schema makes (orders/schemas.ts AddressSchema), made before
 * sending, as field errors worded like the server's (by field and rule, in the reader's language).
 */
const RULES: Record<keyof AddressDraft, { required: boolean; max: number; min?: number; pattern?: RegExp }> =
  {
    name: { required: true, max: 80 },
    phone: { required: true, min: 3, max: 40, pattern: /^[0-9+()\-\s]+$/ },
    line1: { required: true, max: 200 },
    line2: { required: false, max: 200 },
    city: { required: true, max: 80 },
    postalCode: { required: false, max: 20 },
  };

export function addressErrors(draft: AddressDraft): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, rule] of Object.entries(RULES) as [
    keyof AddressDraft,
    (typeof RULES)[keyof AddressDraft],
  ][]) {
    const value = draft[key].trim();
    const path = `/address/${key}`;
    if (value === '') {
      if (rule.required) errors.push({ path, message: 'is required', rule: 'required' });
    } else if (rule.min !== undefined && value.length < rule.min) {
      errors.push({ path, message: 'is too short', rule: 'minLength', params: { limit: rule.min } });
    } else if (value.length > rule.max) {
      errors.push({ path, message: 'is too long', rule: 'maxLength', params: { limit: rule.max } });
    } else if (rule.pattern && !rule.pattern.test(value)) {
      errors.push({ path, message: 'is not valid', rule: 'pattern' });
    }
  }
  return errors;
}
