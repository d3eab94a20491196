import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { adminOnly } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from './context.js';
import { AuditPage, AuditQuery, AuditSettingsSchema } from './schemas.js';
import type { AuditService } from './service.js';

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/api/admin/audit',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['audit', 'admin'],
        summary: 'Search the audit log',
        description:
          'Operators’ changes to money, stock, prices, settings, roles and other people’s data, newest ' +
          'first: who (actor and role), when, what (action, target), the changed fields before → after, ' +
          'and the request id. Filter by `actor` (user id), `action` (exact, or a prefix up to a dot: ' +
          '`product` finds `product.update`), `targetType`/`targetId`, and UTC days `from`..`to` ' +
          '(inclusive). Operators only.',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ProblemResponse },
      },
    },
    async (request) => audit.search(request.query),
  );

  app.get(
    '/api/admin/audit/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['audit', 'admin'],
        summary: 'Audit log retention',
        description: 'How many days entries are kept (365 unless changed). Operators only.',
        response: { 200: AuditSettingsSchema },
      },
    },
    async () => audit.settings(),
  );

  app.put(
    '/api/admin/audit/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['audit', 'admin'],
        summary: 'Change the audit log retention',
        description:
          'Days entries are kept (30..3650); a daily job deletes older ones, the only deletion the log ' +
          'allows. The change is itself recorded. Operators only.',
        body: AuditSettingsSchema,
        response: { 200: AuditSettingsSchema, 400: ProblemResponse },
      },
    },
    async (request) => audit.updateSettings(auditContext(request), request.body),
  );
};
