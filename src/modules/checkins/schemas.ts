import { type Static, Type } from 'typebox';
import { STREAK_TABLE_DAYS } from './rules.js';

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD in the platform’s time zone' });
const Points = Type.Integer({ minimum: 0, maximum: 100_000 });

export const MonthQuery = Type.Object(
  {
    month: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
        description: 'YYYY-MM; the current month by default',
      }),
    ),
  },
  { additionalProperties: false },
);

export const MakeUpBody = Type.Object({ day: Day }, { additionalProperties: false });

export const CheckInResult = Type.Object({
  points: Type.Integer({ description: 'points earned by this check-in' }),
  streak: Type.Integer({ description: 'the streak this check-in made, today included' }),
});

export const MakeUpResult = Type.Object({
  day: Type.String(),
  points: Type.Integer({ description: 'always 0: a made-up day joins the streak but earns nothing' }),
  streak: Type.Integer({ description: 'the current streak after the make-up' }),
  makeUpCardsLeft: Type.Integer(),
});

export const SettingsSchema = Type.Object({
  streakPoints: Type.Array(Points, {
    minItems: STREAK_TABLE_DAYS,
    maxItems: STREAK_TABLE_DAYS,
    description: 'points for streak day 1..7',
  }),
  beyondPoints: Points,
  makeUpCardsPerMonth: Type.Integer({ minimum: 0, maximum: 10 }),
});

export const SettingsBody = Type.Object(SettingsSchema.properties, { additionalProperties: false });

export const Calendar = Type.Object({
  today: Type.String({ description: 'today in the platform’s time zone' }),
  timeZone: Type.String(),
  month: Type.String({ description: 'the month shown, YYYY-MM' }),
  checkedInToday: Type.Boolean(),
  streak: Type.Integer({ description: 'the run ending today, or yesterday while today is still to do' }),
  days: Type.Array(Type.Object({ day: Type.String(), madeUp: Type.Boolean(), points: Type.Integer() }), {
    description: 'the month’s checked days, oldest first',
  }),
  pointsToday: Type.Integer({ description: 'what today’s check-in earns (or earned)' }),
  pointsTomorrow: Type.Integer({ description: 'what checking in tomorrow earns, once today’s is made' }),
  makeUpCardsPerMonth: Type.Integer(),
  makeUpCardsLeft: Type.Integer({ description: 'cards left in the current month' }),
  makeUpDays: Type.Array(Type.String(), { description: 'days a card could fill now' }),
  bonus: Type.Object({ streakPoints: Type.Array(Type.Integer()), beyondPoints: Type.Integer() }),
});

export type CalendarView = Static<typeof Calendar>;
export type Settings = Static<typeof SettingsSchema>;
