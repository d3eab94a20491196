/** Fulfilment: shipping paid orders (one, or a CSV of many) and confirming their delivery. */
export { fulfilmentReasons } from './reasons.js';
export { fulfilmentRoutes } from './routes.js';
export {
  AUTO_CONFIRM_JOB,
  createFulfilmentService,
  type FulfilmentService,
  type ImportResult,
  shipmentLookup,
} from './service.js';
