/** 地址簿与结算页地址、商品行的简体中文文案。 */
export const addressesZhCN = {
  addresses: {
    title: '我的收货地址',
    none: '还没有保存的地址。添加一个，结算时自动填写。',
    default: '默认',
    makeDefault: '设为默认',
    edit: '编辑',
    delete: '删除',
    deleteTitle: '删除这个地址？',
    deleteMessage: '已下的订单仍按原地址配送。',
    add: '新增收货地址',
    addNew: '使用新地址',
    full_one: '地址已达上限（{{count}} 个），删除一个后再添加',
    full_other: '地址已达上限（{{count}} 个），删除一个后再添加',
    save: '保存地址',
    cancel: '取消',
    optional: '{{label}}（选填）',
    savedToAccount: '此地址将保存到你的账户，下次可直接使用。',
    bookFull: '地址簿已满，此地址仅用于本次订单。',
    fields: {
      name: '收货人',
      phone: '手机号码',
      province: '省份',
      city: '城市',
      district: '区/县',
      line1: '详细地址（街道、门牌号）',
      line2: '楼栋、楼层、房号',
      postalCode: '邮政编码',
    },
  },
  checkoutLine: {
    withVariant: '{{title}} · {{variant}}',
    quantity_one: '× {{count}}',
    quantity_other: '× {{count}}',
  },
};

export const addressesReasonsZhCN = {
  address_limit: '你已保存 {{max}} 个地址，已达上限。请删除一个后再添加。',
};

export const addressesFieldsZhCN = {
  province: '省份',
  district: '区/县',
};
