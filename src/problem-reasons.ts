import { accountsReasons } from './modules/accounts/index.js';
import { catalogReasons } from './modules/catalog/index.js';
import { storesReasons } from './modules/stores/index.js';
import { mergeReasonCatalogs, platformReasons } from './platform/reasons.js';

/**
 * Every refusal reason the API can answer with, one catalog per module. The OpenAPI document lists
 * them (`ProblemReason`, `ReasonParams`), and the web app's test renders each in every language.
 */
export const problemReasons = mergeReasonCatalogs([
  platformReasons,
  accountsReasons,
  catalogReasons,
  storesReasons,
]);
