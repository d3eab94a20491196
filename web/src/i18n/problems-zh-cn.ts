import { afterSalesFieldRulesZhCN, afterSalesFieldsZhCN, afterSalesReasonsZhCN } from './aftersales-zh-cn';
import { bargainProblemsZhCN } from './bargains-zh-cn';
import { catalogFieldRulesZhCN, catalogFieldsZhCN, catalogReasonsZhCN } from './catalog-zh-cn';
import { categoryFieldRulesZhCN, categoryFieldsZhCN, categoryReasonsZhCN } from './categories-zh-cn';
import { couponProblemsZhCN } from './coupons-zh-cn';
import {
  distributionFieldRulesZhCN,
  distributionFieldsZhCN,
  distributionReasonsZhCN,
} from './distribution-problems-zh-cn';
import { flashSaleProblemsZhCN } from './flashsales-zh-cn';
import { fulfilmentFieldRulesZhCN, fulfilmentFieldsZhCN, fulfilmentReasonsZhCN } from './fulfilment-zh-cn';
import { giftProblemsZhCN } from './gifts-zh-cn';
import { groupBuyProblemsZhCN } from './groupbuy-zh-cn';
import { ordersReasonsZhCN } from './orders-zh-cn';
import { policyReasonsZhCN } from './policy-zh-cn';
import type { fieldRulesEn, fieldsEn, reasonsEn, rulesEn } from './problems-en';
import { securityReasonsZhCN } from './security-zh-cn';
import { simulatorProblemsZhCN } from './simulator-zh-cn';
import { uploadsReasonsZhCN } from './uploads-zh-cn';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const reasonsZhCN: Texts<typeof reasonsEn> = {
  ...securityReasonsZhCN,
  ...policyReasonsZhCN,
  ...uploadsReasonsZhCN,
  ...ordersReasonsZhCN,
  ...distributionReasonsZhCN,
  invalid_input: '部分填写的内容需要再检查一下。',
  unauthorized: '请先登录。',
  forbidden: '你的账号无权进行此操作。',
  not_found: '没有找到，可能已被删除。',
  conflict: '内容已发生变化，请刷新后重试。',
  payload_too_large: '内容太大，无法发送。',
  unsupported_media_type: '不支持这种文件或数据。',
  business_rule: '店铺规则不允许此操作。',
  rate_limited_one: '尝试次数过多，请 {{count}} 秒后再试。',
  rate_limited_other: '尝试次数过多，请 {{count}} 秒后再试。',
  unavailable: '暂时无法使用，请稍后再试。',
  idempotency_key_reused: '该请求已用其他内容提交过，请刷新后重试。',
  idempotency_key_in_progress: '上一次提交仍在处理中，请稍候。',
  invalid_transition: '此操作已无法进行，请刷新查看最新状态。',
  internal_error: '系统出了点问题，请重试。',
  ...afterSalesReasonsZhCN,
  ...fulfilmentReasonsZhCN,
  ...catalogReasonsZhCN,
  ...categoryReasonsZhCN,
  ...groupBuyProblemsZhCN.reasons,
  ...flashSaleProblemsZhCN.reasons,
  ...giftProblemsZhCN.reasons,
  ...simulatorProblemsZhCN.reasons,
  ...bargainProblemsZhCN.reasons,
  ...couponProblemsZhCN.reasons,
};

export const rulesZhCN: Texts<typeof rulesEn> = {
  required: '请填写{{field}}。',
  minLength_one: '{{field}}至少需要 {{count}} 个字符。',
  minLength_other: '{{field}}至少需要 {{count}} 个字符。',
  maxLength_one: '{{field}}最多 {{count}} 个字符。',
  maxLength_other: '{{field}}最多 {{count}} 个字符。',
  minimum: '{{field}}不能小于 {{limit}}。',
  maximum: '{{field}}不能大于 {{limit}}。',
  exclusiveMinimum: '{{field}}必须大于 {{limit}}。',
  exclusiveMaximum: '{{field}}必须小于 {{limit}}。',
  minItems: '{{field}}至少需要 {{limit}} 项。',
  maxItems: '{{field}}最多 {{limit}} 项。',
  format: '请填写有效的{{field}}。',
  pattern: '请填写有效的{{field}}。',
  type: '请填写有效的{{field}}。',
  enum: '请为{{field}}选择一个选项。',
  const: '请为{{field}}选择一个选项。',
  anyOf: '请填写有效的{{field}}。',
  multipleOf: '请填写有效的{{field}}。',
  additionalProperties: '这里不需要{{field}}。',
  cursor: '列表已变化，请从头重新加载。',
  invalid: '请填写有效的{{field}}。',
  ...bargainProblemsZhCN.rules,
  ...flashSaleProblemsZhCN.rules,
  ...giftProblemsZhCN.rules,
};

export const fieldRulesZhCN: Texts<typeof fieldRulesEn> = {
  ...distributionFieldRulesZhCN,
  phone: { pattern: '请填写手机号码：只能包含数字、空格和 + ( ) -。' },
  email: { format: '请填写有效的邮箱地址，例如 name@example.com。' },
  password: {
    minLength: '密码至少需要 8 个字符。',
    password_too_common: '这个密码太常见了，请换一个更难猜的密码。',
    password_is_email: '请不要用邮箱地址作为密码。',
  },
  ...afterSalesFieldRulesZhCN,
  ...fulfilmentFieldRulesZhCN,
  ...catalogFieldRulesZhCN,
  ...categoryFieldRulesZhCN,
  ...groupBuyProblemsZhCN.fieldRules,
  // Flash sales share fields with group deals: their rules are merged, not replaced.
  price: { ...groupBuyProblemsZhCN.fieldRules.price, ...flashSaleProblemsZhCN.fieldRules.price },
  endsAt: { ...groupBuyProblemsZhCN.fieldRules.endsAt, ...flashSaleProblemsZhCN.fieldRules.endsAt },
  ...couponProblemsZhCN.fieldRules,
  ...bargainProblemsZhCN.fieldRules,
};

export const fieldsZhCN: Texts<typeof fieldsEn> = {
  ...distributionFieldsZhCN,
  email: '邮箱地址',
  password: '密码',
  name: '姓名',
  phone: '手机号码',
  line1: '详细地址',
  line2: '地址第二行',
  city: '城市',
  postalCode: '邮政编码',
  country: '国家或地区',
  title: '标题',
  description: '描述',
  price: '价格',
  stock: '库存',
  sku: 'SKU',
  quantity: '数量',
  amount: '金额',
  slug: '网址',
  inviteCode: '邀请码',
  code: '代码',
  cursor: '列表位置',
  limit: '每页数量',
  ...afterSalesFieldsZhCN,
  ...fulfilmentFieldsZhCN,
  ...catalogFieldsZhCN,
  ...categoryFieldsZhCN,
  ...groupBuyProblemsZhCN.fields,
  ...flashSaleProblemsZhCN.fields,
  ...giftProblemsZhCN.fields,
  ...couponProblemsZhCN.fields,
  ...bargainProblemsZhCN.fields,
};
