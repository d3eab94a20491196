import { distributionReasons } from './modules/distribution/index.js';
import { mergeReasonCatalogs, platformReasons } from './platform/reasons.js';

/**
 * Every refusal reason the API can answer with, one catalog per module. The OpenAPI document lists
 * them (`ProblemReason`, `ReasonParams`), and the web app's test renders each in every language.
 */
export const problemReasons = mergeReasonCatalogs([platformReasons, distributionReasons]);
