import type { ResponseOf } from '../../lib/api';

/** Shapes of the catalog API, derived from the generated types (never written by hand). */
export type Product = ResponseOf<'/api/products/{id}', 'get'>;
export type Variant = Product['variants'][number];
export type Category = ResponseOf<'/api/categories', 'get'>['items'][number];
