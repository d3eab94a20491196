import type { BodyOf, ResponseOf } from '../../lib/api';

/** As the API answers them (generated from its OpenAPI document): no hand copy to drift. */
export type AfterSale = ResponseOf<'/api/after-sales/{id}', 'get'>;
export type AfterSaleStatus = AfterSale['status'];
export type AfterSaleType = AfterSale['type'];
export type AfterSaleItem = AfterSale['items'][number];
export type AfterSalePage = ResponseOf<'/api/me/after-sales', 'get'>;
export type Quote = ResponseOf<'/api/orders/{id}/after-sales/quote', 'post'>;
export type NewAfterSale = BodyOf<'/api/orders/{id}/after-sales', 'post'>;

/** Every status, for the operator's filter; typed by the API's so a new status breaks the build. */
export const AFTER_SALE_STATUSES = [
  'requested',
  'refunded',
  'rejected',
  'closed',
] as const satisfies readonly AfterSaleStatus[];
type Missing = Exclude<AfterSaleStatus, (typeof AFTER_SALE_STATUSES)[number]>;
const _everyStatus: Missing extends never ? true : Missing = true;
void _everyStatus;
