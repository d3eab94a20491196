/** The system module's one entry: what other modules and the composition root may use. */
export { systemRoutes } from './routes.js';
