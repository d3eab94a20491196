import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import type { AccountsService } from '../accounts/service.js';

export type UsersLookup = Pick<AccountsService, 'getUser'>;

export const WalletSchema = Type.Object({
  pending: Type.Integer(),
  available: Type.Integer(),
  reserved: Type.Integer(),
  withdrawn: Type.Integer(),
});

const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const CommissionSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  level: Type.Integer(),
  amount: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('settled'), Type.Literal('reversed')]),
  held: Type.Boolean(),
  holdReason: Nullable(Type.String()),
  buyer: Person,
  promoter: Person,
  createdAt: Type.String(),
  settleAfter: Nullable(Type.String()),
  settledAt: Nullable(Type.String()),
  reversedAt: Nullable(Type.String()),
});

export const CommissionPage = Type.Object({
  items: Type.Array(CommissionSchema),
  nextCursor: Nullable(Type.String()),
});

export const WithdrawalSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  amount: Type.Integer(),
  status: Type.Union([Type.Literal('requested'), Type.Literal('paid'), Type.Literal('rejected')]),
  note: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  user: Type.Optional(Type.Object({ name: Type.String(), email: Type.String() })),
});

export const WithdrawalPage = Type.Object({
  items: Type.Array(WithdrawalSchema),
  nextCursor: Nullable(Type.String()),
});

export const WithdrawalBody = Type.Object(
  { amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) },
  { additionalProperties: false },
);

export const WithdrawalDecisionBody = Type.Optional(
  Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
);

const settingsFields = {
  maxLevels: Type.Integer({ minimum: 1, maximum: 3 }),
  ratesBps: Type.Array(Type.Integer({ minimum: 0, maximum: 10_000 }), { minItems: 1, maxItems: 3 }),
  attribution: Type.Union([Type.Literal('first_binding'), Type.Literal('last_click')]),
  bindingDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650 })),
  newUsersOnly: Type.Boolean(),
  capBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
  minWithdrawal: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
};

export const SettingsSchema = Type.Object(settingsFields);
export const SettingsPatch = Type.Partial(Type.Object(settingsFields), { additionalProperties: false });
