import { defineReasons } from '../../platform/reasons.js';

/**
 * Notifications refuse nothing of their own: a person reads and marks only their own (others' ids
 * are ignored, not refused), and a preference for an unknown type is a 400 of the body's schema
 * (`additionalProperties`), worded by field and rule. The catalog is here for the next refusal.
 */
export const notificationsReasons = defineReasons({});
