import type { layoutEn } from './layout-en';

export const layoutZhCN: typeof layoutEn = {
  layout: {
    earn: '赚钱',
    languageHint: '商店页面、消息通知和邮件都使用此语言。',
  },
};
