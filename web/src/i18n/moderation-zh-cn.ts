import type { moderationEn, moderationReasonsEn } from './moderation-en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** 举报内容和后台内容审核页的简体中文文案。 */
export const moderationZhCN: Texts<typeof moderationEn> = {
  report: {
    button: '举报',
    title: '举报',
    reason: '有什么问题？',
    reasons: {
      spam: '垃圾信息或广告',
      abuse: '骚扰或仇恨言论',
      fake: '虚假或误导',
      inappropriate: '不当内容',
      other: '其他',
    },
    note: '补充说明（可不填）',
    send: '提交举报',
    cancel: '取消',
    sent: '已举报，谢谢！商家会尽快处理。',
    signIn: '登录后举报',
  },
  moderation: {
    nav: '内容审核',
    title: '内容审核',
    statusLabel: '状态',
    queue: '被举报',
    reviews: '评价',
    bans: '禁言',
    status: { open: '待处理', actioned: '已隐藏', dismissed: '已驳回' },
    types: { post: '帖子', comment: '评论', chat_message: '聊天消息', review: '评价' },
    empty: '这里没有被举报的内容。',
    gone: '这条内容已不存在。',
    reports_one: '{{count}} 次举报',
    reports_other: '{{count}} 次举报',
    lastReported: '最近举报于 {{time}}',
    by: '{{name}} 发表',
    hiddenNow: '已隐藏',
    open: '打开所在页面',
    hide: '隐藏',
    restore: '恢复',
    dismiss: '驳回',
    reason: '原因（会保留并记入审计日志）',
    confirm: '确认',
    cancel: '取消',
    banTitle: '禁止发言',
    banUser: '用户（用户 ID）',
    banAuthor: '禁言作者',
    banDays: '天数（留空：直到解除）',
    banReason: '原因',
    ban: '禁言',
    banned: '已禁言。',
    lift: '解除',
    noBans: '没有被禁言的人。',
    until: '至 {{time}}',
    untilLifted: '直到解除',
    lifted: '已于 {{time}} 解除',
    activeOnly: '只看生效中',
  },
};

export const moderationReasonsZhCN: Texts<typeof moderationReasonsEn> = {
  posting_banned: '你暂时不能发言：商家已暂停你的发言。',
};
