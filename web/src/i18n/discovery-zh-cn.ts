import type { discoveryEn } from './discovery-en';

/** 发现：首页分区、搜索结果、排序与价格筛选。 */
export const discoveryZhCN: { discovery: Record<keyof (typeof discoveryEn)['discovery'], string> } = {
  discovery: {
    groupDeals: '拼团特惠',
    groupDealsHint: '和朋友一起拼，价格更低。',
    groupPrice: '拼团价 {{price}}',
    groupOf_one: '{{count}} 人团',
    groupOf_other: '{{count}} 人团',
    coupons: '领券中心',
    couponsAll: '全部优惠券',
    newIn: '新品上架',
    popular: '热销',
    allProducts: '全部商品',
    seeAll: '查看全部',
    resultCount_one: '共 {{count}} 件商品',
    resultCount_other: '共 {{count}} 件商品',
    sort: '排序',
    sortRelevance: '综合',
    sortPopular: '销量优先',
    sortPriceAsc: '价格从低到高',
    sortPriceDesc: '价格从高到低',
    sortNewest: '最新上架',
    price: '价格',
    minPrice: '最低价',
    maxPrice: '最高价',
    applyPrice: '确定',
    priceOrder: '最高价不能低于最低价。',
    priceInvalid: '请输入金额，例如 39 或 39.50。',
  },
};
