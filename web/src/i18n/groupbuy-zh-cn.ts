import type { groupBuyEn, groupBuyProblemsEn } from './groupbuy-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 拼团及其后台页面的中文文案。 */
export const groupBuyZhCN: Catalog<typeof groupBuyEn> = {
  groupBuy: {
    endsIn: '剩余 {{time}}',
    timeUp: '已结束',
    progress: '已拼 {{paid}}/{{size}} 人',
    leader: '团长',
    emptySeat: '空位',
    status: {
      open: '拼团中',
      waiting: '等待成团',
      succeeded: '拼团成功',
      failed: '拼团失败',
      left: '已退出',
    },
    notFound: '该拼团不存在。',
    teamOf_one: '{{count}} 人团',
    teamOf_other: '{{count}} 人团',
    succeededText: '拼团成功：团内所有订单按拼团价发货。',
    failedText: '未能在时限内成团，已付款的成员均已退款。',
    missing_one: '还差 {{count}} 人',
    missing_other: '还差 {{count}} 人',
    completedByPlatform: '平台补位成团：缺少的名额由平台承担，本团照常发货。',
    members: '团员',
    joinFor: '{{price}} 参团',
    seatsBeingPaid: '名额都已被占用，正在等待付款；若有人未按时付款，名额会释放。',
    leaderPriceNote: '团长价 {{price}}',
    startGroup: '{{price}} 发起拼团',
    groupOf: '{{name}} 的团',
    join: '去参团',
    mine: '我的拼团',
    noneMine: '你还没有参加过拼团。',
    viewOrder: '查看订单',
  },
  adminGroupBuys: {
    title: '拼团',
    nav: '拼团',
    none: '还没有拼团活动。',
    product: '商品',
    deal: '活动',
    open: '进行中',
    succeeded: '已成团',
    failed: '已失败',
    members: '已付款人数',
    close: '结束活动',
    closed: '已结束',
    new: '新建拼团活动',
    findProduct: '搜索商品',
    variant: '规格',
    groupSize: '成团人数（2–100）',
    groupPrice: '拼团价',
    regular: '原价 {{price}}',
    leaderPrice: '团长价（可选）',
    durationMinutes: '成团时限',
    perUserLimit: '每人限购（可选）',
    fillIn: '请选择规格并填写拼团价。',
    created: '活动已创建。',
    create: '创建活动',
  },
};

/** 拼团的拒绝原因与字段错误（并入 problems-zh-cn.ts）；金额参数已格式化。 */
export const groupBuyProblemsZhCN: Catalog<typeof groupBuyProblemsEn> = {
  reasons: {
    group_full_one: '该团已满：{{count}} 个名额都已被占用或正在付款。',
    group_full_other: '该团已满：{{count}} 个名额都已被占用或正在付款。',
    group_closed: '该团已结束，不再接受新成员。请开新团或加入其他团。',
    group_expired: '该团已超时。请开一个新团。',
    already_group_member: '你已经在这个团里了。',
    campaign_not_running: '该拼团活动当前未进行，无法开新团。',
    group_buy_single_item: '拼团订单只能包含活动商品。请移除其他商品后重试。',
    group_buy_limit_reached: '该活动每人限购 {{perUserLimit}} 件，你还可以再买 {{remaining}} 件。',
    group_not_completable:
      '只有进行中、已有成员付款且缺口不超过五分之一的团才能由平台补齐（已付款 {{paidMembers}}/{{groupSize}}）。',
    group_price_requires_group: '该团不属于这个活动。请选择活动中的团。',
  },
  fieldRules: {
    price: { notAboveRegularPrice: '拼团价不能高于原价 {{price}}。' },
    leaderPrice: { notAboveGroupPrice: '团长价不能高于拼团价 {{price}}。' },
    endsAt: { afterStart: '结束时间需晚于开始时间。' },
  },
  fields: {
    groupSize: '成团人数',
    leaderPrice: '团长价',
    durationMinutes: '时长',
    perUserLimit: '每人限购',
    startsAt: '开始时间',
    endsAt: '结束时间',
  },
};
