import type { payoutsEn } from './payouts-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 收款账户、佣金冻结与后台打款页面的中文文案。 */
export const payoutsZhCN: Catalog<typeof payoutsEn> = {
  payouts: {
    title: '收款账户',
    intro: '提现将打款到你在这里保存的账户。每笔提现保留申请时的收款信息。',
    current: '打款到：',
    none: '还没有保存收款账户。',
    updatedAt: '保存于 {{time}}',
    methodLabel: '收款方式',
    method: { alipay: '支付宝', wechat: '微信支付', bank: '银行卡' },
    holderName: '账户户名',
    holderNameHint: '请与账户登记的姓名一致，以免打款失败。',
    account: {
      alipay: '支付宝账号',
      wechat: '微信号或手机号',
      bank: '银行卡号',
    },
    accountHint: {
      alipay: '登录支付宝所用的邮箱或手机号',
      wechat: '你的微信号，或绑定微信支付的手机号',
      bank: '只填数字，可以带空格',
    },
    bankName: '开户银行及支行',
    bankNameHint: '例如：工商银行上海浦东支行',
    save: '保存收款账户',
    replace: '更换收款账户',
    saved: '已保存。之后的提现将打款到这个账户。',
    errors: {
      required: '必填',
    },
    paidTo: '打款到：',
    change: '更换',
    neededFirst: '提现前请先保存收款账户。',
    addDetails: '添加收款账户',
    holdReason: {
      shared_device: '在你本人的设备上下单，运营正在审核。',
      dispute: '买家对付款提出申诉，申诉结束前冻结。',
      low_trust: '你的信任值低于平台门槛，运营正在审核。',
    },
    signal: { shared_ip: '与推广者网络地址相同（未冻结）' },
    signals: '风险信号',
    signalsTitle: '同一网络地址的订单',
    signalsHint:
      '买家与推广者使用了同一网络地址：同一 Wi-Fi、办公室或移动网络很常见，因此不冻结佣金。可在此留意异常规律。',
    noSignals: '没有同一网络地址的订单',
    disputeNoRelease: '申诉结束后自动解除',
    payTo: '收款信息',
    balance: '余额',
    covers: '余额足够',
    doesNotCover: '余额不足',
    noSnapshot: '无收款信息（在要求填写之前申请）',
    approveRefused:
      '未打款：推广者余额已不足以支付这笔提现（退款或申诉收回了佣金）。请驳回，或等待新的收益。',
    exportApproved: '导出已批准（CSV）',
    exportHint: '导出已批准提现及完整收款信息的 CSV，用于银行或支付平台批量打款。',
  },
};
