/** 秒杀及其后台页面的简体中文文案。 */
export const flashSalesZhCN = {
  flashSale: {
    title: '限时秒杀',
    none: '目前没有进行中或即将开始的秒杀。',
    startsIn: '{{time}} 后开抢',
    endsIn: '距结束 {{time}}',
    ended: '本场秒杀已结束',
    buy: '立即抢购 {{price}}',
    limit_one: '每人限购 {{count}} 件',
    limit_other: '每人限购 {{count}} 件',
    soldShare_one: '已抢 {{percent}}% · 剩余 {{count}} 件',
    soldShare_other: '已抢 {{percent}}% · 剩余 {{count}} 件',
    status: { upcoming: '即将开抢', live: '抢购中', sold_out: '已抢光', ended: '已结束' },
  },
  adminFlashSales: {
    nav: '秒杀',
    title: '秒杀活动',
    none: '还没有秒杀活动。',
    new: '新建秒杀',
    product: '商品',
    window: '时间',
    left: '剩余',
    close: '立即结束',
    price: '秒杀价',
    quantity: '秒杀数量',
    perUserLimit: '每人限购',
    startsAt: '开始时间',
    endsAt: '结束时间',
    fillIn: '请选择规格，并填写秒杀价、数量、限购和起止时间。',
    create: '创建秒杀',
    created: '秒杀已创建。',
  },
};

/** 秒杀的拒绝原因与字段错误（并入 problems-zh-cn.ts）。 */
export const flashSaleProblemsZhCN = {
  reasons: {
    flash_sale_not_live: '本场秒杀尚未开始，请在倒计时结束后再来。',
    flash_sale_ended: '本场秒杀已结束。',
    flash_sale_sold_out_one: '库存不足：本场秒杀仅剩 {{count}} 件，请减少数量。',
    flash_sale_sold_out_other: '库存不足：本场秒杀仅剩 {{count}} 件。未付款订单释放后可能还有名额。',
    flash_sale_limit_reached: '本场秒杀每人限购 {{perUserLimit}} 件，您还可以再买 {{remaining}} 件。',
    flash_sale_single_item: '秒杀订单只能包含秒杀商品，请移除其他商品。',
  },
  rules: {
    flashSaleAlone: '秒杀价格即全部优惠，不能再使用优惠券、积分或其他活动。',
  },
  fieldRules: {
    price: { belowRegularPrice: '秒杀价须低于原价 {{price}}。' },
    endsAt: { inFuture: '结束时间须在未来。' },
  },
  fields: { perUserLimit: '每人限购', startsAt: '开始时间', endsAt: '结束时间' },
};
