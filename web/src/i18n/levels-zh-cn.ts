import type { levelsEn, levelsFieldRulesEn, levelsFieldsEn, levelsReasonsEn } from './levels-en';

/** 会员等级的中文文案：我的等级与后台等级设置。 */
export const levelsZhCN: typeof levelsEn = {
  levels: {
    title: '我的等级',
    current: '当前等级',
    growth: '成长值',
    benefits: '我的权益',
    noBenefits: '当前等级暂无额外权益，继续加油。',
    allLevels: '全部等级',
    you: '我',
    top: '您已是最高等级，感谢一路相伴！',
    progressLabel: '升级到{{name}}的进度',
    toNext_one: '再获得 {{count}} 成长值即可升级为{{name}}',
    toNext_other: '再获得 {{count}} 成长值即可升级为{{name}}',
    howToGrow: '成长值来自您的实付消费（退款会扣回）、每日签到和完成课程，不能购买。',
    columns: { level: '等级', from: '所需成长值', benefits: '权益' },
    benefit: {
      discount: '普通订单享 {{percent}} 优惠',
      commission: '推广佣金 ×{{factor}}',
      freeShipping: '包邮',
      monthlyCoupon: '每月一张优惠券',
    },
    memberDiscount: '会员优惠（{{percent}}）',
  },
  adminLevels: {
    title: '会员等级',
    nav: '会员等级',
    hint: '成长值达到等级门槛即刻升级；降低门槛或新增等级后，已达到的会员会随即升级。退款会降低成长值，但只有开启年度评定时才会降级。',
    add: '新增等级',
    addTitle: '新等级',
    editTitle: '编辑{{name}}',
    none: '暂无等级',
    rank: '级别',
    name: '名称',
    threshold: '所需成长值',
    thresholdHint: '级别越高所需成长值越多；最低等级从 0 开始。',
    discount: '折扣（%）',
    discountHint: '最多 90%，用于普通订单（不含拼团和积分商城）。',
    multiplier: '佣金倍数',
    multiplierHint: '1 表示正常佣金；仍受分销上限约束。',
    freeShipping: '包邮',
    monthlyCoupon: '每月优惠券',
    noCoupon: '无',
    yes: '是',
    no: '否',
    edit: '编辑',
    delete: '删除',
    deleteTitle: '删除{{name}}？',
    deleteMessage: '该等级的会员将降到下一级，并收到通知。',
    save: '保存等级',
    settingsTitle: '成长值与年度评定',
    rates: {
      growthPerUnit: '每消费 1 元获得成长值',
      growthPerCheckin: '每次签到获得成长值',
      growthPerReview: '每条评价获得成长值',
      growthPerLesson: '每完成一节课获得成长值',
    },
    reviewEnabled: '每年评定一次等级（可能降级）',
    reviewDate: '评定日（月-日，MM-DD）',
    reviewHint:
      '按近 12 个月的成长值重新计算等级；提前 30 天通知将被降级的会员。在评定日当天开启则顺延一年。',
    nextReview: '下次评定：{{day}}',
    saveSettings: '保存设置',
    saved: '已保存',
  },
};

export const levelsFieldsZhCN: typeof levelsFieldsEn = {
  rank: '级别',
  threshold: '所需成长值',
  discountBps: '折扣',
  commissionMultiplierBps: '佣金倍数',
  monthlyCouponTemplateId: '每月优惠券',
  reviewDate: '评定日',
  growthPerUnit: '每单位消费成长值',
  growthPerCheckin: '签到成长值',
  growthPerReview: '评价成长值',
  growthPerLesson: '课程成长值',
};

export const levelsReasonsZhCN: typeof levelsReasonsEn = {
  level_rank_taken: '级别 {{rank}} 已存在，请直接编辑。',
  level_one_required: '最低等级始终存在，不能删除。',
  level_first_not_zero: '最低等级的成长值门槛必须是 0，而不是 {{threshold}}。',
  level_thresholds_not_increasing:
    '级别 {{rank}} 的门槛 {{threshold}} 不高于级别 {{belowRank}}（{{belowThreshold}}），级别越高所需成长值必须越多。',
  level_discount_too_high: '等级折扣最多为 90%。',
};

export const levelsFieldRulesZhCN: typeof levelsFieldRulesEn = {
  discountBps: { maximum: '等级折扣最多为 90%。' },
};
