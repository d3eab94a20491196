import type { FieldError } from '../../platform/errors.js';

/** The fields a typed-out delivery address must have (a saved one has them already). */
const REQUIRED = ['name', 'phone', 'line1', 'city'] as const;

/**
 * What is wrong with an order's address as sent: `{ addressId }` stands alone (fields beside it would
 * be ignored, so they are refused), and a typed-out address has every required field. The errors
 * read as the schema's own (`required`, `additionalProperties`), so clients word them the same way.
 */
export function addressInputErrors(address: Record<string, string | undefined>): FieldError[] {
  if (address.addressId !== undefined) {
    return Object.keys(address)
      .filter((key) => key !== 'addressId')
      .map((key) => ({
        path: `/address/${key}`,
        message: 'is not an allowed field beside addressId',
        rule: 'additionalProperties',
      }));
  }
  return REQUIRED.filter((key) => address[key] === undefined).map((key) => ({
    path: `/address/${key}`,
    message: 'is required',
    rule: 'required',
  }));
}
