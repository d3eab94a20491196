import type { privacyEn } from './privacy-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 简体中文：隐私（打码显示的人）与分享可赚。 */
export const privacyZhCN: Catalog<typeof privacyEn> = {
  privacy: {
    you: '我',
    maskedHint: '按他人所见显示：姓氏与名字首字母。',
  },
  earn: {
    badge: '赚 {{amount}}',
    perShare: '通过你的链接每卖出一件，你赚 {{amount}}',
    groupBadge: '每位成员赚 {{amount}}',
  },
};
