import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { Nullable } from '../../platform/http/schemas.js';
import { OrderAddressInputSchema } from '../orders/index.js';
import { GIFT_STATUSES } from './rules.js';

/** Any string up to a length: a malformed token is as unknown as a wrong one (404). */
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 128 }) });

const GiftStatusSchema = Type.Enum(GIFT_STATUSES, {
  description:
    '`unclaimed` until its recipient claims it (`claimed`) or `claimBy` passes (`refunded`, also when its ' +
    'order was refunded first); `awaiting_payment` and `cancelled` only in the sender’s own list.',
});

/** What is in the parcel, without what it cost. */
const GiftItem = Type.Object({
  productId: Type.String(),
  title: Type.String(),
  variantTitle: Type.String(),
  image: Nullable(Type.String()),
  quantity: Type.Integer(),
});

/** A person as the other side of a gift sees them: a masked name and an avatar initial. */
const Person = Type.Object({ name: Type.String(), initial: Type.String() });

export const GiftSchema = Type.Object({
  status: GiftStatusSchema,
  message: Nullable(
    Type.String({ description: 'The sender’s note, exactly as typed (escape it when shown).' }),
  ),
  from: Person,
  items: Type.Array(GiftItem),
  claimBy: Nullable(Type.String({ description: 'Unclaimed by then, the gift is refunded to its sender.' })),
  claimedAt: Nullable(Type.String()),
  yours: Nullable(
    Type.Union([Type.Literal('sent'), Type.Literal('received')], {
      description: 'Signed in as its sender (`sent`) or its recipient (`received`); null for anyone else.',
    }),
  ),
  orderId: Nullable(Type.String({ description: 'The order, for its sender and its recipient only.' })),
});

export const ClaimBody = Type.Object({ address: OrderAddressInputSchema }, { additionalProperties: false });

export const ClaimResult = Type.Object({
  status: Type.Literal('claimed'),
  orderId: Type.String({ description: 'The order, now the recipient’s to follow and ask after-sales on.' }),
});

export const MyGiftSchema = Type.Object({
  orderId: Type.String(),
  status: GiftStatusSchema,
  message: Nullable(Type.String()),
  from: Person,
  to: Nullable(Person),
  items: Type.Array(GiftItem),
  claimUrl: Nullable(
    Type.String({ description: 'The link to send: in the sender’s list, once paid; null otherwise.' }),
  ),
  claimBy: Nullable(Type.String()),
  claimedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const MyGiftPage = Type.Object({
  items: Type.Array(MyGiftSchema),
  nextCursor: Nullable(Type.String()),
});

export const MyGiftsQuery = Type.Object({
  box: Type.Optional(
    Type.Union([Type.Literal('sent'), Type.Literal('received')], {
      default: 'sent',
      description: 'Gifts the signed-in person sent (default) or received.',
    }),
  ),
  ...pageQuery,
});

export type Gift = Static<typeof GiftSchema>;
export type MyGift = Static<typeof MyGiftSchema>;
export type GiftItemView = Static<typeof GiftItem>;
export type ClaimInput = Static<typeof ClaimBody>;
