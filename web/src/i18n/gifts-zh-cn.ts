import type { giftProblemsEn, giftsEn } from './gifts-en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** 送礼的简体中文文案：结算开关、订单礼物卡片、领取页和“我的礼物”。 */
export const giftsZhCN: Texts<typeof giftsEn> = {
  gifts: {
    toggle: '送给好友',
    toggleHint: '现在付款，把链接发给好友：由好友填写自己的收货地址，您不会看到。',
    message: '给好友的留言（选填）',
    messagePlaceholder: '生日快乐！',
    charsLeft_one: '还可输入 {{count}} 字',
    charsLeft_other: '还可输入 {{count}} 字',
    noAddressNeeded: '无需填写地址：好友领取礼物时填写。',
    title: '礼物',
    status: {
      awaiting_payment: '待付款',
      unclaimed: '待领取',
      claimed: '已领取',
      refunded: '已退款',
      cancelled: '已取消',
    },
    payFirst: '付款后即可获得礼物链接，发给好友领取。',
    sendLink: '把这个链接发给好友',
    claimWithin_one: '好友需在 {{count}} 天内（{{time}} 前）领取，逾期未领取将退款给您。',
    claimWithin_other: '好友需在 {{count}} 天内（{{time}} 前）领取，逾期未领取将退款给您。',
    copyLink: '复制链接',
    share: '分享',
    shareTitle: '送你一份礼物',
    shareText: '我送了你一份礼物，打开链接即可领取。',
    claimedBySomeone: '好友已于 {{time}} 领取，将寄往对方填写的地址（您看不到该地址）。',
    refundedToYou: '礼物未在规定时间内被领取，已退款给您。',
    yoursNow: '这是您收到的礼物，物流和售后由您处理。',
    messageLabel: '留言',
    unclaimedRefunded: '已退款：礼物未在规定时间内被领取',
    claim: {
      title: '送你一份礼物',
      from: '来自 {{name}}',
      contents: '礼物内容',
      claimBy: '请在 {{time}} 前领取',
      signInHint: '登录或注册后填写收货地址即可领取，送礼人不会看到您的地址。',
      signIn: '登录领取',
      signUp: '注册账号',
      submit: '领取礼物',
      claimedTitle: '领取成功！',
      claimedHint: '礼物将寄往您的地址，可在订单页查看进度。',
      viewOrder: '查看订单',
      taken: '这份礼物已被领取。',
      takenByYou: '您已领取这份礼物。',
      closed: '这份礼物已失效：未在规定时间内领取，或已退款给送礼人。',
      expired: '礼物的领取时间已过。',
      own: '这是您送出的礼物，请把链接发给要送的好友。',
      notFound: '礼物链接无效',
      notFoundHint: '请检查收到的链接，或请好友重新发送。',
    },
    mine: {
      title: '我的礼物',
      sent: '我送出的',
      received: '我收到的',
      noneSent: '您还没有送出过礼物。',
      noneReceived: '您还没有收到过礼物。',
      to: '送给 {{name}}',
      from: '来自 {{name}}',
      viewOrder: '查看订单',
    },
  },
};

export const giftProblemsZhCN: Texts<typeof giftProblemsEn> = {
  reasons: {
    gift_own: '这是您自己送出的礼物，请把链接发给要送的好友。',
    gift_already_claimed: '这份礼物已被领取。',
    gift_refunded: '这份礼物已退款给送礼人，无法再领取。',
    gift_expired: '礼物的领取时间已过，正在退款给送礼人。',
    gift_not_claimed: '礼物尚未被领取：收礼人填写地址后才能发货。',
  },
  rules: {
    giftAlone: '礼物不能参加拼团或砍价，请单独购买。',
  },
  fields: { message: '留言' },
};
