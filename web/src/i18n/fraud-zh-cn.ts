import type { fraudEn } from './fraud-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 刷单风控：关联信号、证据与后台审核的中文文案。 */
export const fraudZhCN: Catalog<typeof fraudEn> = {
  fraud: {
    signal: {
      shared_device: '同一设备',
      shared_ip: '同一网络地址',
      shared_address: '同一收货地址',
      shared_phone: '同一手机号',
      payment_fingerprint: '同一银行卡或钱包',
      own_address_customers: '客户都寄往推广员地址',
      single_promoter_new_accounts: '新账号只通过一位推广员下单',
    },
    holdReason: {
      shared_device: '在你自己的设备上下单：平台正在审核。',
      shared_ip: '从你的网络下单：平台正在审核。',
      shared_address: '寄往你使用过的地址：平台正在审核。',
      shared_phone: '使用了你的手机号：平台正在审核。',
      payment_fingerprint: '用你的银行卡或钱包付款：平台正在审核。',
      own_address_customers: '你的客户都寄往你的地址：平台正在审核。',
      single_promoter_new_accounts: '新账号只通过你下单：平台正在审核。',
    },
    evidence: {
      shared_device: '设备 {{deviceId}}，推广员于 {{time}} 使用过',
      shared_ip: '地址 {{ip}}，推广员于 {{time}} 使用过',
      shared_address_promoter: '与推广员本人某笔订单的收货地址相同',
      shared_address_other: '与该推广员另一位客户的收货地址相同',
      shared_phone: '手机尾号 {{ending}}，与推广员本人订单相同',
      payment_fingerprint: '银行卡或钱包 {{fingerprint}}，与推广员本人订单相同',
      own_address_customers: '推广员最近 {{orders}} 笔客户订单（{{customers}} 个账号）都寄往其本人地址',
      single_promoter_new_accounts: '账号注册 {{hours}} 小时；全部 {{orders}} 笔订单都通过该推广员',
      seeOrder: '查看订单',
    },
    flagsTitle: '风控标记',
    flagsHint: '佣金产生时发现的信号及其证据。',
    orderTitle: '佣金与风控标记',
    noFlags: '没有标记',
    noCommissions: '这笔订单没有佣金',
    flagCounts: '标记',
    viewFlags: '标记',
    promoterFlags: '{{name}} 的标记',
    closePromoter: '关闭',
    level: '{{level}} 级',
    held: '冻结：{{reason}}',
    note: '备注（可选）',
    release: '放行',
    reverse: '撤销佣金',
    confirmReverse: '确定撤销这笔佣金？买家不会被退款。',
    decided: {
      released: '{{name}} 于 {{time}} 放行',
      reversed: '{{name}} 于 {{time}} 撤销',
    },
    holdingTitle: '需要冻结审核的信号',
    holdingHint: '出现以下信号的佣金会冻结等待你审核；其他信号只记录为标记。',
    holdingSaved: '已保存',
    save: '保存',
  },
};
