import type { BodyOf, ResponseOf } from '../../lib/api';

export type ShippingTemplate = ResponseOf<'/api/admin/shipping-templates/{id}', 'get'>;
export type TemplateInput = BodyOf<'/api/admin/shipping-templates', 'post'>;
export type ShippingBasis = TemplateInput['basis'];
export type ProductShippingInput = BodyOf<'/api/admin/products/{id}/shipping', 'put'>;
export type ShippingQuote = ResponseOf<'/api/me/shipping-quote', 'get'>;
