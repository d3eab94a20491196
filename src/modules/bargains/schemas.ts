import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { BARGAIN_STATUSES, type BargainStatus, HELPER_SIGNALS, type HelperSignal } from './rules.js';

const Money = Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 });
const Cut = Type.Integer({ minimum: 1, maximum: 1_000_000_000_00 });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const CampaignBody = Type.Object(
  {
    variantId: Id,
    floorPrice: Money,
    helpersNeeded: Type.Integer({ minimum: 2, maximum: 50 }),
    durationMinutes: Type.Integer({ minimum: 5, maximum: 43_200, description: 'how long each bargain runs' }),
    minCut: Type.Optional(Cut),
    maxCut: Type.Optional(Cut),
  },
  { additionalProperties: false },
);

export const StartBody = Type.Object({ campaignId: Id }, { additionalProperties: false });

const ProductRef = Type.Object({
  id: Type.String(),
  title: Type.String(),
  image: Nullable(Type.String()),
});

export const CampaignSchema = Type.Object({
  id: Type.String(),
  variantId: Type.String(),
  productId: Type.String(),
  product: ProductRef,
  regularPrice: Nullable(
    Type.Integer({ description: 'the variant’s own price now, where a new bargain starts; null off sale' }),
  ),
  floorPrice: Type.Integer(),
  helpersNeeded: Type.Integer(),
  durationMinutes: Type.Integer(),
  minCut: Nullable(Type.Integer()),
  maxCut: Nullable(Type.Integer()),
  status: Type.Unsafe<'active' | 'closed'>(Type.String({ enum: ['active', 'closed'] })),
  createdAt: Type.String(),
});

export const AdminCampaignSchema = Type.Intersect([
  CampaignSchema,
  Type.Object({
    figures: Type.Object({
      started: Type.Integer(),
      succeeded: Type.Integer({ description: 'bargains that reached the floor' }),
      ordered: Type.Integer({ description: 'bargains bought (orders that are paid or being paid)' }),
      flaggedHelps: Type.Integer({ description: 'helps that look like accounts made only to help' }),
    }),
  }),
]);

export const CampaignList = Type.Object({
  items: Type.Array(CampaignSchema),
  nextCursor: Nullable(Type.String()),
});
export const AdminCampaignPage = Type.Object({
  items: Type.Array(AdminCampaignSchema),
  nextCursor: Nullable(Type.String()),
});

const HelpSchema = Type.Object({
  user: Type.Object({ name: Type.String({ description: 'masked' }), you: Type.Boolean() }),
  cut: Type.Integer(),
  at: Type.String(),
});

export const BargainSchema = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  variantId: Type.String(),
  product: ProductRef,
  starter: Type.Object({ name: Type.String({ description: 'masked' }) }),
  startPrice: Type.Integer({ description: 'the variant’s price when the bargain started' }),
  price: Type.Integer({ description: 'what the starter would pay now' }),
  floorPrice: Type.Integer(),
  helpersNeeded: Type.Integer(),
  helps: Type.Array(HelpSchema),
  expiresAt: Type.String(),
  status: Type.Unsafe<BargainStatus>(
    Type.String({
      enum: [...BARGAIN_STATUSES],
      description: '`open`; `succeeded` at the floor; `expired` when time ran out before it',
    }),
  ),
  schedule: Type.Object(
    {
      seed: Type.Integer(),
      cuts: Type.Array(Type.Integer(), {
        description: 'the k-th help takes the k-th cut (bargains/rules.ts `cutSchedule` reproduces it)',
      }),
    },
    { description: 'decided when the bargain started; disclosed so anyone can check it' },
  ),
  mine: Type.Boolean({ description: 'the viewer started it' }),
  helpedByYou: Type.Boolean(),
  orderId: Nullable(
    Type.String({ description: 'the starter’s order at this price; shown to the starter only' }),
  ),
});

export const BargainPage = Type.Object({
  items: Type.Array(BargainSchema),
  nextCursor: Nullable(Type.String()),
});

export const HelpResult = Type.Object({
  cut: Type.Integer(),
  price: Type.Integer(),
  status: Type.Unsafe<BargainStatus>(Type.String({ enum: [...BARGAIN_STATUSES] })),
});

export const FlaggedHelpSchema = Type.Object({
  bargainId: Type.String(),
  campaignId: Type.String(),
  starter: Type.Object({ id: Type.String(), name: Type.String() }),
  helper: Type.Object({ id: Type.String(), name: Type.String() }),
  cut: Type.Integer(),
  signals: Type.Array(
    Type.Unsafe<HelperSignal>(
      Type.String({
        enum: [...HELPER_SIGNALS],
        description:
          '`new_account` (under 7 days), `no_orders` (never paid one), `starter_device` / `helper_device` (the same device as the starter or another helper)',
      }),
    ),
  ),
  at: Type.String(),
});

export const FlaggedHelpPage = Type.Object({
  items: Type.Array(FlaggedHelpSchema),
  nextCursor: Nullable(Type.String()),
});

export type Campaign = Static<typeof CampaignSchema>;
export type AdminCampaign = Static<typeof AdminCampaignSchema>;
export type CampaignInput = Static<typeof CampaignBody>;
export type Bargain = Static<typeof BargainSchema>;
export type FlaggedHelp = Static<typeof FlaggedHelpSchema>;
