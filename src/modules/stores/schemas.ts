import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { UserSchema } from '../accounts/index.js';
import { ProductSchema } from '../catalog/index.js';
import { MAX_REJECT_REASON } from './rules.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });

// Same rule as product images: a web address or a path on this site, never `javascript:`.
const Logo = Type.String({ minLength: 1, maxLength: 2048, pattern: '^(https?://|/)' });
const StoreName = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' });
const Intro = Type.String({ maxLength: 1000 });
// An upload of the owner's (POST /api/uploads); it wins over `logo`, and another person's is 404.
const LogoUploadId = Type.String({ minLength: 1, maxLength: 64 });

export const CreateStoreBody = Type.Object(
  {
    name: StoreName,
    // Length, characters and reserved words are checked by rules.slugProblem, one source of truth.
    slug: Type.String({ minLength: 1, maxLength: 100 }),
    logo: Type.Optional(Nullable(Logo)),
    logoUploadId: Type.Optional(LogoUploadId),
    intro: Type.Optional(Nullable(Intro)),
  },
  { additionalProperties: false },
);

export const UpdateStoreBody = Type.Object(
  {
    name: Type.Optional(StoreName),
    logo: Type.Optional(Nullable(Logo)),
    logoUploadId: Type.Optional(LogoUploadId),
    intro: Type.Optional(Nullable(Intro)),
  },
  { additionalProperties: false },
);

export const EmptyBody = Type.Object({}, { additionalProperties: false });

const storeFields = {
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  logo: Nullable(Type.String()),
  intro: Nullable(Type.String()),
};

export const StoreSchema = Type.Object({
  ...storeFields,
  ownerId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const StorePageSchema = Type.Object({
  ...storeFields,
  owner: Type.Object({ id: Type.String(), name: Type.String() }),
  products: Type.Array(ProductSchema),
});

export const ListingSchema = Type.Object({
  storeId: Type.String(),
  productId: Type.String(),
  listed: Type.Boolean(),
});

// The states of `applicationMachine` (rules.ts); the machine test checks they agree.
export const ApplicationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

export const ShopkeeperStatusSchema = Type.Object({ status: ApplicationStatus, user: UserSchema });

export const MyShopkeeperStatusSchema = Type.Object({
  status: Type.Union([
    Type.Literal('approved'),
    Type.Literal('pending'),
    Type.Literal('rejected'),
    Type.Literal('none'),
  ]),
  /** The operator's reason when `rejected` (may be null: giving one is optional); null otherwise. */
  reason: Nullable(Type.String()),
  /** When it was rejected; null otherwise. */
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const RejectBody = Type.Object(
  { reason: Type.Optional(Nullable(Type.String({ maxLength: MAX_REJECT_REASON }))) },
  { additionalProperties: false },
);

export const ApplicationSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  status: ApplicationStatus,
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  /** What the operator told a rejected applicant; null otherwise. */
  rejectReason: Nullable(Type.String()),
});

export const ApplicationPage = Type.Object({
  items: Type.Array(ApplicationSchema),
  nextCursor: Nullable(Type.String()),
});

export const ApplicationStatusFilter = Type.Optional(ApplicationStatus);

export type Store = Static<typeof StoreSchema>;
/** What a visitor sees: the store, who runs it, and the active products it lists. */
export type StorePage = Static<typeof StorePageSchema>;
export type Listing = Static<typeof ListingSchema>;
export type ShopkeeperStatus = Static<typeof ShopkeeperStatusSchema>;
export type ShopkeeperApplication = Static<typeof ApplicationSchema>;
export type MyShopkeeperStatus = Static<typeof MyShopkeeperStatusSchema>;
export type StoreInput = Static<typeof CreateStoreBody>;
export type StorePatch = Static<typeof UpdateStoreBody>;
