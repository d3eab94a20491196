import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { FLASH_SALE_STATUSES, type FlashSaleStatus } from './rules.js';

const Money = Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });

export const SaleBody = Type.Object(
  {
    variantId: Id,
    price: Money,
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    perUserLimit: Type.Integer({ minimum: 1, maximum: 999 }),
    startsAt: Instant,
    endsAt: Instant,
  },
  { additionalProperties: false },
);

const ProductRef = Type.Object({
  id: Type.String(),
  title: Type.String(),
  image: Nullable(Type.String()),
});

export const SaleSchema = Type.Object({
  id: Type.String(),
  variantId: Type.String(),
  productId: Type.String(),
  product: ProductRef,
  price: Type.Integer(),
  regularPrice: Nullable(
    Type.Integer({ description: 'the variant’s own price now; null once it is off sale' }),
  ),
  quantity: Type.Integer(),
  remaining: Type.Integer({
    description:
      'units not taken by orders that are paid or being paid (unpaid ones give theirs back when they lapse)',
  }),
  perUserLimit: Type.Integer(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Type.Unsafe<FlashSaleStatus>(
    Type.String({
      enum: [...FLASH_SALE_STATUSES],
      description: '`upcoming` before its window; `live`; `sold_out` inside it with nothing left; `ended`',
    }),
  ),
});

export const SaleList = Type.Object({ items: Type.Array(SaleSchema) });
export const AdminSalePage = Type.Object({
  items: Type.Array(SaleSchema),
  nextCursor: Nullable(Type.String()),
});

export type FlashSale = Static<typeof SaleSchema>;
export type SaleInput = Static<typeof SaleBody>;
