import type { paymentsEn } from './payments-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 银行卡支付（Stripe）与运营的“待处理”列表。 */
export const paymentsZhCN: Catalog<typeof paymentsEn> = {
  stripePay: {
    secure: '银行卡信息直接提交给 Stripe，本店不会看到。',
    failed: '支付未成功。请检查信息或换一张卡再试。',
    confirming: '已收到付款，正在与商店确认…',
    unavailable: '暂时无法使用银行卡支付，请稍后再试。',
    retry: '上次支付失败，可以再试一次。',
  },
  dispute: {
    open: '买家已向银行对这笔付款提出争议。',
    won: '这笔付款的争议已判商店胜诉。',
    lost: '这笔付款的争议已败诉：款项已退回买家。',
  },
  adminAttention: {
    nav: '待处理',
    title: '待处理',
    intro: '反复失败或需要人工处理的事项。处理完成前会一直留在这里。',
    none: '没有需要处理的事项。',
    since: '始于 {{time}}',
    attempts_one: '已尝试 {{count}} 次',
    attempts_other: '已尝试 {{count}} 次',
    order: '订单',
    all: '全部',
    kind: {
      job_failed: '后台任务失败',
      refund_stuck: '退款卡住',
      refund_failed: '退款失败',
      payment_unmatched: '金额不符的付款',
      provider_refund_failed: '支付渠道退款失败',
      dashboard_refund: '在支付渠道发起的退款',
      dispute_open: '未结争议',
    },
    hint: {
      job_failed: '每次重试都失败了；请排除原因后再运行。',
      refund_stuck: '发起已超过 15 分钟仍未完成。',
      refund_failed: '支付渠道无法退回款项；请联系买家。',
      payment_unmatched: '未计入订单；系统会自动退款。',
      provider_refund_failed: '金额不符的付款退款失败；请在支付渠道后台退款。',
      dashboard_refund: '在支付渠道后台发起，未能应用到订单：请核对该订单。',
      dispute_open: '请在支付渠道后台回应；争议结束前佣金暂缓结算。',
    },
  },
};
