import type { ResponseOf } from '../../lib/api';

/** Shapes as the API gives them: derived from the generated API types, never copied. */
export type Recommendation = ResponseOf<'/api/recommendations', 'get'>['items'][number];
export type Training = ResponseOf<'/api/admin/recommendations/trainings', 'get'>['items'][number];
