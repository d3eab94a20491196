/** The addresses module's one entry: a person's saved delivery addresses. */
export { addressesReasons } from './reasons.js';
export { addressesRoutes } from './routes.js';
export { MAX_ADDRESSES } from './rules.js';
export type { Address } from './schemas.js';
export { AddressSchema, PHONE_PATTERN } from './schemas.js';
export type { AddressesService } from './service.js';
export { createAddressesService } from './service.js';
