import type {
  fulfilmentEn,
  fulfilmentFieldRulesEn,
  fulfilmentFieldsEn,
  fulfilmentReasonsEn,
} from './fulfilment-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 发货、确认收货、取消订单和 CSV 批量发货的中文文案。 */
export const fulfilmentZhCN: Catalog<typeof fulfilmentEn> = {
  fulfilment: {
    placed: '已下单',
    shipment: '物流信息',
    carrier: '快递公司',
    trackingNumber: '运单号',
    copyTracking: '复制',
    shippedAt: '{{time}} 已发货',
    autoConfirmOn: '如未确认，将于 {{time}} 自动确认收货。',
    notShippedYet: '商家正在备货。',
    confirmReceipt: '确认收货',
    confirmReceiptTitle: '包裹收到了吗？',
    confirmReceiptText: '请在收到商品后再确认。确认后订单完成，退货期开始计算。',
    received: '已收到，确认收货',
    cancelOrder: '取消订单',
    cancelTitle: '确定取消该订单吗？',
    cancelText: '订单将关闭，商品重新上架销售。你可以随时重新下单。',
    cancelConfirm: '取消订单',
    shippedWith: '{{carrier}} · {{trackingNumber}}',
    notes: {
      confirmedByBuyer: '买家确认收货',
      confirmedAutomatically: '超过确认期限，系统自动确认收货',
      cancelledByBuyer: '买家取消了订单',
      notPaidInTime: '超时未支付',
      afterSalesRefund: '应买家申请退款',
      afterSalesReturn: '退货退款',
      collectedAtPickup: '已在自提点取货',
      notCollectedInTime: '超时未到自提点取货',
    },
    admin: {
      shipTitle: '发货',
      shipHint: '买家会立即看到快递公司和运单号。',
      carrierPlaceholder: '顺丰速运',
      ship: '确认发货',
      waitingGroup: '该订单需等拼团成功后才能发货。',
      toShip: '待发货',
      importCsv: 'CSV 批量发货',
      importTitle: '用 CSV 文件批量发货',
      importHint:
        '首行为表头 orderId,carrier,trackingNumber，之后每行一个订单（最多 1000 行）。其他列会被忽略。',
      file: 'CSV 文件',
      paste: '或直接粘贴 CSV 内容',
      importSubmit: '批量发货',
      nothingToImport: '请先选择文件或粘贴 CSV 内容。',
      summary: '已发货 {{shipped}} 单，未发货 {{refused}} 单',
      line: '行号',
      order: '订单',
      outcome: '结果',
      rowShipped: '已发货',
      backToOrders: '返回订单列表',
    },
  },
};

export const fulfilmentReasonsZhCN: Catalog<typeof fulfilmentReasonsEn> = {
  shipment_order_not_found: '没有这个编号的订单。',
  shipment_csv_unclosed_quote: '第 {{line}} 行的引号没有闭合，请补全后重试。',
  shipment_csv_empty: '文件是空的，请以表头 orderId,carrier,trackingNumber 开始。',
  shipment_csv_columns_missing: '表头缺少这些列：{{missing}}。',
  shipment_csv_no_rows: '文件只有表头，没有要发货的订单。',
  shipment_csv_too_many_rows: '文件有 {{rows}} 行，一次最多导入 {{max}} 行，请拆分文件。',
  shipment_row_malformed: '这一行无法读取：请检查引号，并确认每一列都有。',
  shipment_row_invalid: '这一行有字段缺失或填写有误。',
  shipment_row_failed: '这一单未能发货，请重试。',
};

export const fulfilmentFieldsZhCN: Catalog<typeof fulfilmentFieldsEn> = {
  carrier: '承运商',
  trackingNumber: '物流单号',
  orderId: '订单编号',
  header: '表头',
};
export const fulfilmentFieldRulesZhCN: Catalog<typeof fulfilmentFieldRulesEn> = {
  carrier: { controlCharacters: '承运商名称不能包含控制字符。' },
  trackingNumber: { pattern: '物流单号只能包含字母、数字和 . _ / -。' },
  orderId: { pattern: '请填写订单详情页显示的订单编号。' },
};
