import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { Nullable, ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import type { InvitationsService } from './service.js';

const Kind = Type.Union([Type.Literal('none'), Type.Literal('points'), Type.Literal('coupon')]);

const SettingSchema = Type.Object({
  kind: Kind,
  points: Nullable(Type.Integer()),
  couponTemplateId: Nullable(Type.String()),
});

const SettingBody = Type.Object(
  {
    kind: Kind,
    points: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
    couponTemplateId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  },
  { additionalProperties: false },
);

const PublicSetting = Type.Object({
  ...SettingSchema.properties,
  coupon: Nullable(
    Type.Object({
      title: Type.String(),
      kind: Type.String(),
      amountOff: Nullable(Type.Integer()),
      percentOffBps: Nullable(Type.Integer()),
      maxDiscount: Nullable(Type.Integer()),
      minSpend: Type.Integer(),
    }),
  ),
});

const MyRewards = Type.Object({
  items: Type.Array(
    Type.Object({
      invitee: Type.Object({ name: Type.String(), initial: Type.String() }),
      kind: Type.Union([Type.Literal('points'), Type.Literal('coupon')]),
      points: Nullable(Type.Integer()),
      couponId: Nullable(Type.String()),
      createdAt: Type.String(),
      reversed: Type.Boolean(),
    }),
  ),
});

export const invitationsRoutes: FastifyPluginAsyncTypebox<{ invitations: InvitationsService }> = async (
  app,
  { invitations },
) => {
  app.get(
    '/api/admin/invitation-rewards',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Invitation reward',
        description:
          'What an inviter gets when someone they invited pays for their first order: nothing, points, ' +
          'or a coupon (by its template). Operators only.',
        response: { 200: SettingSchema },
      },
    },
    async () => invitations.setting(),
  );

  app.put(
    '/api/admin/invitation-rewards',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Change the invitation reward',
        description:
          'Applies to first orders paid from now on. Operators only. 400 when a points reward has no ' +
          '`points`, or a coupon reward no `couponTemplateId` or one that is not a coupon (rule `unknown`).',
        body: SettingBody,
        response: { 200: SettingSchema, 400: ProblemResponse },
      },
    },
    async (request) => invitations.updateSetting(request.body, auditContext(request)),
  );

  app.get(
    '/api/invitation-rewards',
    {
      schema: {
        tags: ['invitations'],
        summary: 'What inviting a friend earns',
        description:
          'The invitation reward as the invite page shows it, with the coupon’s terms when it is a ' +
          'coupon. Anyone may read it.',
        response: { 200: PublicSetting },
      },
    },
    async () => invitations.publicSetting(),
  );

  app.get(
    '/api/me/invitation-rewards',
    {
      onRequest: signedIn,
      schema: {
        tags: ['invitations'],
        summary: 'My invitation rewards',
        description:
          'The rewards I earned for people I invited (their first paid order), newest first, at most ' +
          '100; the invited are masked. `reversed`: points taken back because that order was refunded.',
        response: { 200: MyRewards },
      },
    },
    async (request) => invitations.myRewards(requireUser(request).id),
  );
};
