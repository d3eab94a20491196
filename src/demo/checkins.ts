import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import { addDays } from '../platform/calendar.js';
import { AppError } from '../platform/errors.js';

type Services = BuiltApp['services'];

/**
 * Days before today the demo buyer checked in: the five up to yesterday (a 5-day streak, so today's
 * check-in makes day 6 and earns its bonus), and one before a missed day, so that when the gap falls
 * in the current month a make-up card can mend it into a 7-day streak.
 */
export const DEMO_CHECK_IN_DAYS_AGO = [7, 5, 4, 3, 2, 1] as const;

/**
 * Chen Jie's check-in history, loaded in the present (after the story's clock caught up), oldest
 * first as the days came: each earns its streak day's points and tells tasks and honours.
 */
export async function seedDemoCheckins(services: Services, buyer: PublicUser): Promise<void> {
  const today = services.checkins.today();
  for (const daysAgo of DEMO_CHECK_IN_DAYS_AGO) {
    try {
      await services.checkins.checkInOn(buyer.id, addDays(today, -daysAgo));
    } catch (error) {
      // A first start stopped halfway through seeding made this day already: keep it.
      if (!(error instanceof AppError && error.reason === 'already_checked_in')) throw error;
    }
  }
}
