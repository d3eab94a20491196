/** English strings of privacy (masked people) and of what a share earns. */
export const privacyEn = {
  privacy: {
    you: 'You',
    maskedHint: 'Shown as others see them: first name and initial.',
  },
  earn: {
    badge: 'Earn {{amount}}',
    perShare: 'You earn {{amount}} on each one sold through your link',
    groupBadge: 'Earn {{amount}} per member',
  },
};
