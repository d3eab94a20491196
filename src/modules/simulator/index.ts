/** The simulator module's one entry: the incentive simulator (model in ./rules.ts). */
export { simulatorReasons } from './reasons.js';
export { simulatorRoutes } from './routes.js';
export type { Simulation, SimulationInput, SimulationResult } from './schemas.js';
export { createSimulatorService, type SimulatorService } from './service.js';
export type { ShopFacts } from './shop.js';
export { simulate } from './simulate.js';
