import type { shopperEn } from './shopper-en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const shopperZhCN: Texts<typeof shopperEn> = {
  shopper: {
    actions: '购买',
    buyAlone: '单独购买',
    startGroup: '发起拼团',
    intentExpired: '这次“立即购买”已过期，请重新打开商品购买。',
    youreIn: '你已参团 —— 分享给好友，一起拼成',
  },
};
