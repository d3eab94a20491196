/** The people module's one entry: the console's people list, a person's page, and account actions. */
export { peopleRoutes } from './routes.js';
export type { PeopleService } from './service.js';
export { createPeopleService } from './service.js';
