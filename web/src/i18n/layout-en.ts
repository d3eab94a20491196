/** The shop's chrome: header, bottom navigation and the console's menu. */
export const layoutEn = {
  layout: {
    earn: 'Earn',
    languageHint: 'The shop, your notifications and emails use this language.',
  },
};
