import type { ResponseOf } from '../../lib/api';

/** The person's month of check-ins as the API answers it (generated types, never a hand copy). */
export type CheckInCalendar = ResponseOf<'/api/me/check-ins', 'get'>;
