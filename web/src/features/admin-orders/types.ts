import type { ResponseOf } from '../../lib/api';

export type AdminOrder = ResponseOf<'/api/admin/orders/{id}', 'get'>;
