/** English strings of the daily check-in page and its console settings. */
export const checkinsEn = {
  checkIn: {
    title: 'Daily check-in',
    streak_one: '{{count}}-day streak',
    streak_other: '{{count}}-day streak',
    noStreak: 'Start a streak today',
    button_one: 'Check in · +{{count}} point',
    button_other: 'Check in · +{{count}} points',
    done_one: 'Checked in today · +{{count}} point',
    done_other: 'Checked in today · +{{count}} points',
    elsewhere: 'You had already checked in today (perhaps in another tab). See you tomorrow!',
    tomorrow_one: 'Tomorrow: +{{count}} point if you keep the streak',
    tomorrow_other: 'Tomorrow: +{{count}} points if you keep the streak',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    dayState: {
      checked: '{{day}}: checked in',
      madeUp: '{{day}}: filled with a make-up card',
      missed: '{{day}}: missed — use a make-up card',
      none: '{{day}}',
    },
    legend: { checked: 'Checked in', madeUp: 'Make-up card', today: 'Today' },
    cardsLeft_one: '{{count}} make-up card left this month.',
    cardsLeft_other: '{{count}} make-up cards left this month.',
    cardsHint: 'Tap a missed day to fill it.',
    madeUp_one: '{{day}} is filled. Your streak is {{count}} day.',
    madeUp_other: '{{day}} is filled. Your streak is {{count}} days.',
    makeUpTitle: 'Use a make-up card?',
    makeUpMessage:
      '{{day}} joins your streak. A made-up day earns no points, and the card is used for this month.',
    makeUpConfirm: 'Use the card',
    bonusTitle: 'Streak rewards',
    streakDay: 'Day {{day}}',
    beyondDay: 'After day {{day}}, every day',
    plusPoints_one: '+{{count}} point',
    plusPoints_other: '+{{count}} points',
  },
  adminCheckIns: {
    nav: 'Check-ins',
    title: 'Check-in settings',
    hint: 'What a daily check-in earns on each day of a streak, and the make-up cards people get.',
    streakTable: 'Points by streak day',
    beyond: 'Every day after day {{day}}',
    cards: 'Make-up cards per month',
    cardsHint:
      'A card fills a missed day of the current month; it joins the streak but earns no points. 0 turns cards off.',
    appliesNote: 'Changes apply from the next check-in; points already earned stay.',
    pointsError: 'Enter whole points from 0 to {{max}}.',
    save: 'Save settings',
    saved: 'Saved.',
  },
};

export const checkinsReasonsEn = {
  already_checked_in: 'You already checked in today. Come back tomorrow!',
  make_up_off: 'This shop gives no make-up cards.',
  make_up_not_past: 'A make-up card fills a missed day before today.',
  make_up_other_month: 'A make-up card fills a day of this month only.',
  make_up_day_checked: 'That day is already checked in.',
  make_up_no_cards_one: 'You have used this month’s make-up card.',
  make_up_no_cards_other: 'You have used this month’s {{count}} make-up cards.',
};

export const checkinsFieldsEn = {
  beyondPoints: 'the points for every later day',
  makeUpCardsPerMonth: 'the make-up cards per month',
  streakPoints: 'the points for days 1 to 7',
};
