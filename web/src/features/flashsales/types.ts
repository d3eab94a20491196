import type { BodyOf, ResponseOf } from '../../lib/api';

/** Flash sales as the API shows them: derived from the generated API types, never copied. */
export type FlashSale = ResponseOf<'/api/flash-sales/{id}', 'get'>;
export type FlashSaleStatus = FlashSale['status'];
export type NewFlashSale = BodyOf<'/api/admin/flash-sales', 'post'>;
