import type { stockEn } from './stock-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 库存的中文文案：各规格的只读库存、“调整库存”对话框和库存流水。 */
export const stockZhCN: Catalog<typeof stockEn> = {
  stock: {
    heading: '库存',
    hint: '下单、取消和退款会自动改变库存；保存商品从不改变库存。',
    inStock: '库存：{{count}}',
    readOnly: '请在下方用“调整库存”修改。',
    adjust: '调整库存',
    showHistory: '流水',
    hideHistory: '收起流水',
    dialogTitle: '调整库存：{{name}}',
    current: '当前库存：{{count}}',
    mode: '方式',
    modeDelta: '增加或减少',
    modeSet: '设为',
    delta: '数量（负数为减少）',
    deltaHint: '例如到货填 20，损坏填 -2。',
    set: '新库存',
    setHint: '如果保存前库存发生变化，将被拒绝。',
    reason: '原因',
    reasonHint: '会记入流水，例如“到货”或“盘点”。',
    save: '保存',
    saved: '库存现为 {{count}}。',
    empty: '暂无库存流水。',
    kind: {
      initial: '初始库存',
      adjustment: '手动调整',
      sold: '售出',
      released: '释放（未付款订单）',
      returned: '退回（退款）',
    },
    reasons: {
      productCreated: '创建商品',
      variantAdded: '新增规格',
    },
    system: '系统',
    operator: '运营 …{{id}}',
    order: '订单 …{{id}}',
    after: '变为 {{count}}',
    errors: {
      moved: '库存在您查看期间发生了变化，已显示最新数字。请核对后重试。',
      belowZero: '库存不能小于零。',
      tooMuch: '超过了单个规格的库存上限（10,000,000）。',
      wholeNumber: '请输入整数',
      notZero: '请输入非 0 的变化量',
      noChange: '库存已经是这个数字',
      reasonRequired: '请填写原因，以便记入流水',
    },
  },
};
