import type {
  distributionFieldRulesEn,
  distributionFieldsEn,
  distributionReasonsEn,
} from './distribution-problems-en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const distributionReasonsZhCN: Texts<typeof distributionReasonsEn> = {
  below_min_withdrawal: '最低提现金额为 {{minWithdrawalAmount}}，你申请的是 {{amount}}。',
  withdrawal_above_balance: '最多可提现 {{balanceAmount}}，你申请的是 {{amount}}。',
  payout_details_missing: '请先保存收款信息，再申请提现。',
  withdrawal_not_covered:
    '推广者的余额为 {{balanceAmount}}，已不足以支付这笔 {{amount}} 的提现，请改为拒绝。',
  commission_held_by_dispute: '这笔佣金因支付争议被冻结，争议结束后解除。',
  commission_not_held: '这笔佣金已不在审核冻结中，请刷新查看最新状态。',
};

export const distributionFieldRulesZhCN: Texts<typeof distributionFieldRulesEn> = {
  account: {
    alipayAccount: '请输入支付宝账号（邮箱或手机号）',
    wechatAccount: '请输入微信号（6–20 位字母、数字、_ 或 -，以字母开头）或手机号',
    bankAccount: '请输入 8 到 34 位数字或字母的银行卡号',
  },
  bankName: { bankOnly: '只有银行账户需要填写开户行。' },
  ratesBps: { ratesPerLevel: '每一级填写一个比例：共 {{levels}} 个。' },
  couponTemplateId: { unknown: '请选择一张存在的优惠券。' },
};

export const distributionFieldsZhCN: Texts<typeof distributionFieldsEn> = {
  holderName: '收款人姓名',
  account: '账号',
  bankName: '开户行',
  maxLevels: '分销层级数',
  ratesBps: '佣金比例',
  capBps: '佣金上限',
  leaderRateBps: '团长佣金比例',
  minWithdrawal: '最低提现金额',
  bindingDays: '绑定天数',
  points: '积分数',
  couponTemplateId: '优惠券',
};
