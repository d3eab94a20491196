import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { LANGUAGES } from './rules.js';

/** The signed-in person as the API shows them: the one source of `PublicUser` and of the web's type. */
export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String({ description: 'admin, operator, shopkeeper or leader' })),
  inviteCode: Type.String({ description: 'The code others sign up with to be invited by this person' }),
  invitedBy: Nullable(Type.String()),
  language: Type.Enum(LANGUAGES),
  createdAt: Type.String({ format: 'date-time' }),
});

export type PublicUser = Static<typeof UserSchema>;

export const SessionSchema = Type.Object({ user: UserSchema, token: Type.String() });

/** A person as the console shows them: the account with whether (and since when) it is disabled. */
export const AccountAdminSchema = Type.Object({
  ...UserSchema.properties,
  disabledAt: Nullable(Type.String({ format: 'date-time' })),
});

export type AccountAdminView = Static<typeof AccountAdminSchema>;
