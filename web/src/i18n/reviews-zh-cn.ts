import type { reviewsEn, reviewsReasonsEn } from './reviews-en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** 评价的简体中文文案：商品页、订单页的评价表单和追评。 */
export const reviewsZhCN: Texts<typeof reviewsEn> = {
  reviews: {
    title: '评价',
    count_one: '{{count}} 条评价',
    count_other: '{{count}} 条评价',
    average: '{{average}} 分（满分 5 分）',
    noReviews: '还没有评价。买家可在订单页评价买到的商品。',
    starsLabel: '{{rating}} 星',
    histogramRow: '{{rating}} 星：{{count}}',
    verified: '已购买',
    followUp: '使用后追评',
    photo: '评价图片 {{n}}',
    writeTitle: '评价买到的商品',
    writeFor: '评价 {{title}}',
    rating: '你的评分',
    ratingOption: '{{rating}} 星（满分 5 星）',
    body: '你觉得怎么样？',
    addPhoto: '添加图片',
    removePhoto: '删除图片 {{n}}',
    photosLimit: '最多 {{max}} 张图片。',
    submit: '发表评价',
    submitting: '发表中…',
    posted: '谢谢！你的评价已显示在商品页。',
    yours: '你的评价',
    hidden: '已被商家隐藏：不再显示在商品页。',
    followUpTitle: '追加评价',
    followUpBody: '用了一段时间，感觉如何？',
    followUpSubmit: '发表追评',
    followUpFrom: '{{date}} 起可以追加评价。',
    allReviewed: '这笔订单的商品都已评价。',
    chooseRating: '请选择评分。',
  },
  adminReviews: {
    title: '评价',
    empty: '还没有评价。',
    showHidden: '只看已隐藏',
    hide: '隐藏',
    restore: '恢复',
    hideReason: '隐藏原因（会保留并记入审计日志）',
    confirmHide: '隐藏评价',
    hiddenBecause: '已隐藏：{{reason}}',
    by: '{{name}} 发表',
  },
};

export const reviewsReasonsZhCN: Texts<typeof reviewsReasonsEn> = {
  review_order_not_reviewable: '这笔订单暂时不能评价：付款后才能评价。',
  review_already_written: '你已经评价过了。',
  review_line_refunded: '这件商品已全额退款，不能再评价。',
  review_follow_up_exists: '这条评价已经追评过了。',
  review_follow_up_too_early: '评价 {{days}} 天后才能追评，{{availableAt}} 起可以追评。',
};
