import { type Static, type TInteger, Type } from 'typebox';
import { Nullable, ProblemResponse } from '../../platform/http/schemas.js';
import type { AccountsService } from '../accounts/index.js';
import { HOLD_REASONS, RING_SIGNALS, type RingSignal } from './context.js';
import {
  COMMISSION_ROLES,
  CONTENT_CREDITS,
  commissionMachine,
  HARD_MAX_LEVELS,
  withdrawalMachine,
} from './rules.js';

/** A union of string literals from a list declared once (the ring signals, a machine's states). */
const oneOf = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description: description ?? values.join(', ') },
    ),
  );

export const RingSignalSchema = oneOf(RING_SIGNALS);
export const HoldReasonSchema = oneOf(
  HOLD_REASONS,
  'why it is held: a ring signal the operator chose to hold on (shared_device, shared_address, …) or dispute',
);
export const CommissionStatusSchema = oneOf(commissionMachine.states);
export const WithdrawalStatusSchema = oneOf(
  withdrawalMachine.states,
  'requested (waiting for the operator), paid (approved and paid out) or rejected',
);

export type UsersLookup = Pick<AccountsService, 'profile'>;

export const WalletSchema = Type.Object({
  pending: Type.Integer({ description: 'earned, inside the return window; held amounts not included' }),
  held: Type.Integer({
    description: 'held for review or by a dispute: neither settles nor can be withdrawn',
  }),
  available: Type.Integer(),
  reserved: Type.Integer(),
  withdrawn: Type.Integer(),
});

const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const CommissionSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  level: Type.Integer(),
  role: oneOf(
    COMMISSION_ROLES,
    '`sharer`: earned through a share link, store or binding (or the chain above it); `author`: the ' +
      'author’s or host’s part of a level 1 split with a sharer (`contentCredit: split`); `leader`: the ' +
      'leader’s commission on an order collected in their community (`leaderRateBps`, level 1). An order ' +
      'earns each level and role at most once, and a leader never twice.',
  ),
  amount: Type.Integer(),
  status: CommissionStatusSchema,
  held: Type.Boolean(),
  holdReason: Nullable(HoldReasonSchema),
  signals: Type.Optional(
    Type.Array(RingSignalSchema, {
      description:
        'operator views only: the other ring signals it raised, which hold nothing (e.g. shared_ip); ' +
        'their evidence: GET /api/admin/commission-flags',
    }),
  ),
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

/** A promoter's own commissions: the buyer did not choose to be public, so a masked name, no id. */
export const MyCommissionPage = Type.Object({
  items: Type.Array(
    Type.Object({
      ...Type.Omit(CommissionSchema, ['buyer', 'signals']).properties,
      buyer: Type.Object({ name: Type.String(), initial: Type.String() }),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

const PayoutMethod = Type.Union([Type.Literal('alipay'), Type.Literal('wechat'), Type.Literal('bank')]);

const PayoutSnapshotSchema = Type.Object({
  method: PayoutMethod,
  holderName: Type.String(),
  account: Type.String(),
  bankName: Nullable(Type.String()),
});

export const PayoutDetailsSchema = Type.Object({
  details: Nullable(
    Type.Object(
      { ...PayoutSnapshotSchema.properties, updatedAt: Type.String() },
      { description: 'masked: the holder name’s first character, the account’s last four characters' },
    ),
  ),
});

export const PayoutDetailsBody = Type.Object(
  {
    method: PayoutMethod,
    holderName: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    account: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'alipay: email or mobile number; wechat: WeChat ID or mobile number; bank: account number',
    }),
    bankName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'bank accounts only' }),
    ),
  },
  { additionalProperties: false },
);

export const WithdrawalSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  amount: Type.Integer(),
  status: WithdrawalStatusSchema,
  note: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  payout: Nullable(PayoutSnapshotSchema),
  user: Type.Optional(Type.Object({ name: Type.String(), email: Type.String() })),
});

export const AdminWithdrawalSchema = Type.Object({
  ...WithdrawalSchema.properties,
  balance: Type.Object(
    {
      available: Type.Integer(),
      reserved: Type.Integer(),
      covers: Type.Boolean({ description: 'available + reserved is at least the amount: it can be paid' }),
    },
    { description: "the promoter's balance now (held money excluded)" },
  ),
});

export const AdminWithdrawalPage = Type.Object({
  items: Type.Array(AdminWithdrawalSchema),
  nextCursor: Nullable(Type.String()),
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
  maxLevels: Type.Integer({ minimum: 1, maximum: HARD_MAX_LEVELS }),
  ratesBps: Type.Array(Type.Integer({ minimum: 0, maximum: 10_000 }), {
    minItems: 1,
    maxItems: HARD_MAX_LEVELS,
    description: 'one rate per level, in basis points',
  }),
  attribution: Type.Union([Type.Literal('first_binding'), Type.Literal('last_click')]),
  bindingDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650 })),
  newUsersOnly: Type.Boolean(),
  capBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
  minWithdrawal: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  holdingSignals: Type.Array(RingSignalSchema, {
    maxItems: RING_SIGNALS.length,
    uniqueItems: true,
    description: 'the ring signals that hold a commission for review; the others are flags only',
  }),
  contentCredit: oneOf(
    CONTENT_CREDITS,
    'Who earns level 1 when a buyer ordered through a post or live room (`postId` / `liveRoomId`) and ' +
      'also carries another person’s share code: `sharer` (the link’s owner, as without content; the ' +
      'default), `author` (the content’s author or host instead) or `split` (the author gets floor(half) ' +
      'of the level-1 amount as a commission with `role: author`, the sharer the rest; the levels above ' +
      'the sharer unchanged). Content without a share code always credits its author as level 1.',
  ),
  leaderRateBps: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description:
      'the community leader’s commission on an order collected in their community, in basis points of ' +
      'what was paid (a product’s `leaderRateBps` replaces it for its lines); outside `capBps`; 0 (the ' +
      'default) pays leaders nothing. A leader who is also the buyer’s promoter or the content’s author ' +
      'earns the larger of the two commissions (the leader’s on a tie), never both.',
  }),
};

export const SettingsSchema = Type.Object(settingsFields);
export const SettingsPatch = Type.Partial(Type.Object(settingsFields), { additionalProperties: false });

/** RFC 9457 problem details with a `reason`, as every refusal answers. */
export const Problem = ProblemResponse;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const CommissionStatus = Type.Optional(CommissionStatusSchema);
export const WithdrawalStatus = Type.Optional(WithdrawalStatusSchema);

/**
 * How a buyer came to a promoter: their share link (`ref`: its code), their store (its slug), or their
 * post or live room (`post` / `live`, `ref`: its id; added with content attribution).
 */
const Origin = Type.Object({
  type: oneOf(
    ['share_link', 'store', 'post', 'live'],
    'share_link, store, or post / live (the promoter’s post or live room the buyer ordered through)',
  ),
  ref: Type.String(),
});

const page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

// Customers and team members did not choose to be public: a masked name and initial, never an id.
export const CustomerPage = page(
  Type.Object({
    name: Type.String(),
    initial: Type.String(),
    origin: Origin,
    boundAt: Type.String(),
    expiresAt: Nullable(Type.String()),
    orders: Type.Integer(),
    gmv: Type.Integer(),
  }),
);

export const TeamPage = page(
  Type.Object({
    name: Type.String(),
    initial: Type.String(),
    joinedAt: Type.String(),
    sales: Type.Integer(),
    invited: Type.Integer(),
  }),
);

export const EarningsSchema = Type.Object({
  items: Type.Array(Type.Object({ day: Type.String(), amount: Type.Integer() })),
});

export const BindingSchema = Type.Object({
  promoter: Nullable(
    Type.Object(
      { name: Type.String() },
      { description: 'the public name of the promoter who shared with me (never their id)' },
    ),
  ),
  origin: Type.Optional(Origin),
  boundAt: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Nullable(Type.String())),
});

export const PromoterPage = page(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    pending: Type.Integer(),
    settled: Type.Integer(),
    reversed: Type.Integer(),
    held: Type.Integer(),
    signals: Type.Integer(),
    customers: Type.Integer(),
    flags: Type.Partial(
      Type.Object(
        Object.fromEntries(RING_SIGNALS.map((s) => [s, Type.Integer()])) as Record<RingSignal, TInteger>,
      ),
      { description: 'commissions (not reversed) that raised each ring signal, by signal code' },
    ),
  }),
);

/** What a ring signal found; which fields are present depends on the signal. */
export const FlagEvidenceSchema = Type.Object(
  {
    match: Type.Optional(Type.Union([Type.Literal('promoter'), Type.Literal('other_account')])),
    orderId: Type.Optional(Type.String({ description: 'the matching order' })),
    userId: Type.Optional(Type.String({ description: 'the matching account' })),
    deviceId: Type.Optional(Type.String()),
    ip: Type.Optional(Type.String()),
    promoterSeenAt: Type.Optional(Type.String()),
    phoneEnding: Type.Optional(Type.String()),
    fingerprint: Type.Optional(Type.String({ description: 'the card fingerprint' })),
    orders: Type.Optional(Type.Integer()),
    customers: Type.Optional(Type.Integer()),
    accountAgeHours: Type.Optional(Type.Integer()),
  },
  { description: 'what was found, by signal' },
);

export const FlaggedCommissionSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  level: Type.Integer(),
  amount: Type.Integer(),
  status: CommissionStatusSchema,
  held: Type.Boolean(),
  holdReason: Nullable(HoldReasonSchema),
  reviewable: Type.Boolean({
    description: 'held for a ring signal and not decided: may be released or reversed',
  }),
  buyer: Person,
  promoter: Person,
  createdAt: Type.String(),
  flags: Type.Array(
    Type.Object({ signal: RingSignalSchema, evidence: FlagEvidenceSchema, createdAt: Type.String() }),
  ),
  review: Nullable(
    Type.Object({
      decision: Type.Union([Type.Literal('released'), Type.Literal('reversed')]),
      note: Type.String(),
      decidedBy: Person,
      decidedAt: Type.String(),
    }),
  ),
});

export const FlaggedCommissionPage = page(FlaggedCommissionSchema);

export type Commission = Static<typeof CommissionSchema>;
export type Wallet = Static<typeof WalletSchema>;
export type Withdrawal = Static<typeof WithdrawalSchema>;
export type Customer = Static<typeof CustomerPage>['items'][number];
export type TeamMember = Static<typeof TeamPage>['items'][number];
export type PromoterSummary = Static<typeof PromoterPage>['items'][number];
export type FlaggedCommission = Static<typeof FlaggedCommissionSchema>;
export type FlagEvidence = Static<typeof FlagEvidenceSchema>;
export type HoldReason = Static<typeof HoldReasonSchema>;
