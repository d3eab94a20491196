import type { policyReasonsEn } from './policy-en';

/** 市场规则拒绝的中文文案（见 policy-en.ts）。 */
export const policyReasonsZhCN: Record<keyof typeof policyReasonsEn, string> = {
  policy_forbids: '本店所适用的市场规则（{{profile}}）不允许此操作。',
};

/** 市场规则后台页面及其要求的披露文案。 */
export const policyZhCN = {
  policy: {
    disclosure: '分享者可能从通过此链接完成的购买中获得佣金。',
  },
  adminPolicy: {
    nav: '市场规则',
    title: '市场规则',
    howToSwitch:
      '由服务启动时的 POLICY_PROFILE 决定；以其他取值重启即可切换。切换前已产生的订单和佣金保持不变。',
    rule: '规则',
    thisShop: '本店',
    source: '依据',
    noSource: 'Fission 自身的默认设置',
    compare: '全部规则方案',
    allowed: '允许',
    forbidden: '不允许',
    required: '必须披露',
    notRequired: '无需披露',
    levels_one: '{{count}} 级',
    levels_other: '{{count}} 级',
    percent: '售价的 {{percent}}%',
    rules: {
      maxCommissionLevels: '佣金层级',
      payoutCapBps: '单笔订单佣金总额',
      bargains: '砍价（好友助力降价）',
      shareToUnlock: '分享解锁优惠券',
      likeCollecting: '集赞奖励',
      paidSharing: '分享即奖励',
      recruitmentRewards: '邀请拉新奖励',
      disclosure: '推广佣金披露',
    },
    names: {
      default: '默认',
      wechat: '微信',
      'cn-strict': '中国大陆（严格）',
      'us-ftc': '美国（FTC）',
      eu: '欧盟',
    },
    profiles: {
      default: '除平台自身限制（最多三级佣金）外，不附加市场规则。',
      wechat: '在微信内销售（公众号、小程序、在微信中打开的链接）。',
      'cn-strict': '中国大陆，与禁止传销相关规定保持充足距离。',
      'us-ftc': '美国：推荐和推广链接必须披露。',
      eu: '欧盟：隐藏商业意图属于不公平商业行为。',
    },
  },
};
