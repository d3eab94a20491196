import type { AuditContext } from '../modules/audit/index.js';

/** The demo's operator actions, recorded as a console request would, so the audit log opens on entries. */
export const demoAuditContext = (adminId: string): AuditContext => ({
  actorId: adminId,
  actorRole: 'admin',
  requestId: 'demo-seed',
});
