import type { catalogFieldRulesEn, catalogFieldsEn, catalogReasonsEn } from './catalog-en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const catalogReasonsZhCN: Texts<typeof catalogReasonsEn> = {
  out_of_stock_one: '库存不足：该商品仅剩 {{count}} 件。',
  out_of_stock_other: '库存不足：该商品仅剩 {{count}} 件。',
  insufficient_stock: '当前库存只有 {{available}} 件，最多只能减少 {{available}} 件。',
  stock_above_maximum: '库存不能超过 {{max}}；当前为 {{available}}。',
  stock_changed: '你编辑期间库存已变化：现在是 {{available}}，不是 {{expected}}。请核对后重试。',
  sku_taken: 'SKU “{{sku}}” 已被其他商品使用，请换一个。',
  product_archived: '该商品已下架。',
  import_unreadable: '无法读取此文件：第 {{line}} 行的引号没有闭合，或者它不是 XLSX 工作簿。',
  import_too_many_rows: '文件有 {{rows}} 行，一次最多导入 {{max}} 行，请拆分后再导入。',
  import_no_rows: '文件只有表头，没有可导入的行。',
  import_has_problems_one: '有 {{count}} 行存在问题。请先检查文件，修正后重新上传。',
  import_has_problems_other: '有 {{count}} 行存在问题。请先检查文件，修正后重新上传。',
  bulk_too_many: '一次操作最多选择 {{max}} 个商品。',
  slug_taken: '网址 “{{slug}}” 已被其他店铺使用，请换一个。',
  one_store_per_shopkeeper: '你已经有一家店铺了：每位店主只能开一家店。',
  shopkeeper_required: '请先成为店主，再开店。',
  shopkeeper_approval_pending: '你的店主申请正在等待审核。',
  store_listing_limit_one: '一家店铺最多上架 {{count}} 件商品。',
  store_listing_limit_other: '一家店铺最多上架 {{count}} 件商品。',
  email_taken: '该邮箱已注册，请直接登录。',
  invalid_credentials: '邮箱或密码错误。',
  account_locked_one: '该账号密码错误次数过多，请 {{count}} 秒后再试，或重置密码。',
  account_locked_other: '该账号密码错误次数过多，请 {{count}} 秒后再试，或重置密码。',
};

export const catalogFieldRulesZhCN: Texts<typeof catalogFieldRulesEn> = {
  sku: { unique: '每个规格需要不同的 SKU：这个 SKU 重复了。' },
  stock: {
    stockReadOnly: '已保存规格的库存只能通过“调整库存”修改。',
    unchanged: '新库存与当前库存相同。',
    notWith: '请选择增减数量或直接设置库存，不能同时填写。',
  },
  expected: { notWith: '请选择增减数量或直接设置库存，不能同时填写。' },
  delta: { notZero: '请填写不为 0 的数量。' },
  id: { notOfProduct: '该规格属于其他商品，请刷新页面。' },
  slug: {
    pattern: '只能使用小写字母、数字和单个短横线，例如 “tea-corner”。',
    reserved: '该网址为保留地址，请换一个。',
  },
  inviteCode: { unknown: '没有人使用这个邀请码，请检查或留空。' },
  language: { enum: '请选择 English 或 简体中文。' },
  maxPrice: { minimum: '最高价不能低于最低价。' },
};

export const catalogFieldsZhCN: Texts<typeof catalogFieldsEn> = {
  delta: '数量',
  expected: '你看到的库存',
  reason: '原因',
  language: '语言',
  logo: '标志地址',
  intro: '简介',
  images: '图片地址',
  category: '分类',
  variants: '规格',
  commissionRateBps: '佣金比例',
  leaderRateBps: '团长佣金比例',
};
