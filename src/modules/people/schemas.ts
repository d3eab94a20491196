import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { AccountAdminSchema, ROLES } from '../accounts/index.js';

const Spending = Type.Object({
  spent: Type.Integer({ description: 'totals of orders ever paid, less refunds (minor units)' }),
  orders: Type.Integer({ description: 'orders ever paid' }),
});

export const PersonSummarySchema = Type.Object({ ...AccountAdminSchema.properties, spending: Spending });
export type PersonSummary = Static<typeof PersonSummarySchema>;

export const PeoplePage = Type.Object({
  items: Type.Array(PersonSummarySchema),
  nextCursor: Nullable(Type.String()),
});

// A real calendar day (format), from the year 1000 on (pattern): year 0000 is no PostgreSQL date.
const Day = Type.String({ format: 'date', pattern: '^[1-9]\\d{3}-', description: 'a UTC date, YYYY-MM-DD' });

export const PeopleQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'part of the email, name or a phone number' }),
    ),
    role: Type.Optional(Type.Enum(ROLES)),
    signedUpFrom: Type.Optional(Day),
    signedUpTo: Type.Optional({ ...Day, description: 'inclusive' }),
    minSpent: Type.Optional(Type.Integer({ minimum: 0, description: 'spent at least (minor units)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PeopleQueryInput = Static<typeof PeopleQuery>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const PersonPageSchema = Type.Object({
  person: PersonSummarySchema,
  points: Type.Object({ balance: Type.Integer() }),
  wallet: Type.Object({
    pending: Type.Integer(),
    held: Type.Integer(),
    available: Type.Integer(),
    withdrawn: Type.Integer(),
  }),
  orders: Type.Array(
    Type.Object({
      id: Type.String(),
      status: Type.String(),
      total: Type.Integer(),
      refundedAmount: Type.Integer(),
      createdAt: Type.String(),
    }),
    { description: 'the latest 10' },
  ),
  commissions: Type.Array(
    Type.Object({
      id: Type.String(),
      orderId: Type.String(),
      level: Type.Integer(),
      amount: Type.Integer(),
      status: Type.String(),
      held: Type.Boolean(),
      buyer: Named,
      createdAt: Type.String(),
    }),
    { description: 'the latest 10 this person earned' },
  ),
  team: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), joinedAt: Type.String(), invited: Type.Integer() }),
    { description: 'the latest 10 people this person invited' },
  ),
  invitedBy: Nullable(Named),
  binding: Nullable(
    Type.Object(
      {
        promoter: Named,
        origin: Type.String({ description: 'share_link or store' }),
        boundAt: Type.String(),
        expiresAt: Nullable(Type.String()),
      },
      { description: 'the promoter this person (as a buyer) is bound to' },
    ),
  ),
  flags: Type.Union(
    [
      Type.Array(
        Type.Object({
          commissionId: Type.String(),
          orderId: Type.String(),
          signals: Type.Array(Type.String()),
          held: Type.Boolean(),
          createdAt: Type.String(),
        }),
      ),
      Type.Null(),
    ],
    {
      description:
        'the latest 10 of this person’s commissions that raised ring signals; null for support staff, ' +
        'as the fraud review is an admin’s (GET /api/admin/commission-flags is admin-only)',
    },
  ),
});
export type PersonPage = Static<typeof PersonPageSchema>;

export const PersonParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const RoleParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  role: Type.Enum(ROLES),
});
