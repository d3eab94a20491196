/** The invitations module's one entry: what other modules and the composition root may use. */
export { invitationsRoutes } from './routes.js';
export type { InvitationsService } from './service.js';
export { createInvitationsService } from './service.js';
