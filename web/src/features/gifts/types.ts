import type { BodyOf, ResponseOf } from '../../lib/api';

/** Gifts as the API shows them: derived from the generated API types, never copied. */
export type Gift = ResponseOf<'/api/gifts/{token}', 'get'>;
export type GiftStatus = Gift['status'];
export type GiftItem = Gift['items'][number];
export type MyGift = ResponseOf<'/api/me/gifts', 'get'>['items'][number];
export type GiftBox = 'sent' | 'received';
export type ClaimAddress = BodyOf<'/api/gifts/{token}/claim', 'post'>['address'];
/** A gift as its order shows it (`order.gift`). */
export type OrderGift = NonNullable<ResponseOf<'/api/orders/{id}', 'get'>['gift']>;

/** The longest note the server takes (gifts/rules.ts MESSAGE_MAX). */
export const MESSAGE_MAX = 200;
