import type { BodyOf, ResponseOf } from '../../lib/api';

/** Shapes of the stores API, derived from the generated types. */
export type Store = ResponseOf<'/api/me/store', 'get'>;
/** The public page: the store with its owner's name and the products it lists. */
export type StorePage = ResponseOf<'/api/stores/{slug}', 'get'>;
/** What the store form sends: every field of the body given (cleared ones as null). */
export type StoreInput = Required<Omit<BodyOf<'/api/stores', 'post'>, 'logoUploadId'>> & {
  /** A just-uploaded logo: the server checks it is the owner's and sets `logo` from it. */
  logoUploadId?: string;
};

export const isShopkeeper = (roles: readonly string[] | undefined) => Boolean(roles?.includes('shopkeeper'));
export type ShopkeeperApplication = ResponseOf<'/api/admin/shopkeepers', 'get'>['items'][number];
