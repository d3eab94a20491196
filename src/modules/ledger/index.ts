/** The ledger module's one entry: what other modules and the composition root may use. */
export type { Account } from './rules.js';
export { accounts, transferBetween } from './rules.js';
export type { LedgerService } from './service.js';
export { createLedgerService } from './service.js';
