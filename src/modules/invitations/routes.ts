import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { Nullable } from '../../platform/http/schemas.js';
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
    { onRequest: adminOnly, schema: { tags: ['admin'], response: { 200: SettingSchema } } },
    async () => invitations.setting(),
  );

  app.put(
    '/api/admin/invitation-rewards',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], body: SettingBody, response: { 200: SettingSchema } },
    },
    async (request) => invitations.updateSetting(request.body),
  );

  app.get(
    '/api/invitation-rewards',
    { schema: { tags: ['invitations'], response: { 200: PublicSetting } } },
    async () => invitations.publicSetting(),
  );

  app.get(
    '/api/me/invitation-rewards',
    { onRequest: signedIn, schema: { tags: ['invitations'], response: { 200: MyRewards } } },
    async (request) => invitations.myRewards(requireUser(request).id),
  );
};
