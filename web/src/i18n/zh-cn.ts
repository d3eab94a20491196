import { academyReasonsZhCN, academyZhCN } from './academy-zh-cn';
import { addressesFieldsZhCN, addressesReasonsZhCN, addressesZhCN } from './addresses-zh-cn';
import { afterSalesZhCN } from './aftersales-zh-cn';
import { analyticsFieldRulesZhCN, analyticsZhCN } from './analytics-zh-cn';
import { auditZhCN } from './audit-zh-cn';
import { bargainsZhCN } from './bargains-zh-cn';
import { catalogIoZhCN } from './catalog-io-zh-cn';
import { categoriesZhCN } from './categories-zh-cn';
import { checkinsFieldsZhCN, checkinsReasonsZhCN, checkinsZhCN } from './checkins-zh-cn';
import { communitiesReasonsZhCN, communitiesZhCN } from './communities-zh-cn';
import { competitionsReasonsZhCN, competitionsZhCN } from './competitions-zh-cn';
import { consoleZhCN } from './console-zh-cn';
import { couponsZhCN } from './coupons-zh-cn';
import { discoveryZhCN } from './discovery-zh-cn';
import { distributionZhCN } from './distribution-zh-cn';
import type { Messages } from './en';
import { flashSalesZhCN } from './flashsales-zh-cn';
import { fraudZhCN } from './fraud-zh-cn';
import { fulfilmentZhCN } from './fulfilment-zh-cn';
import { giftsZhCN } from './gifts-zh-cn';
import { groupBuyZhCN } from './groupbuy-zh-cn';
import { growthReasonsZhCN, growthZhCN } from './growth-zh-cn';
import { honoursZhCN } from './honours-zh-cn';
import { layoutZhCN } from './layout-zh-cn';
import { levelsFieldRulesZhCN, levelsFieldsZhCN, levelsReasonsZhCN, levelsZhCN } from './levels-zh-cn';
import { liveReasonsZhCN, liveZhCN } from './live-zh-cn';
import { moderationReasonsZhCN, moderationZhCN } from './moderation-zh-cn';
import { notificationsZhCN } from './notifications-zh-cn';
import { ordersZhCN } from './orders-zh-cn';
import { paymentsZhCN } from './payments-zh-cn';
import { payoutsZhCN } from './payouts-zh-cn';
import { peopleReasonsZhCN, peopleZhCN } from './people-zh-cn';
import { pointsMallFieldsZhCN, pointsMallReasonsZhCN, pointsMallZhCN } from './points-mall-zh-cn';
import { pointsFieldsZhCN, pointsZhCN } from './points-zh-cn';
import { policyZhCN } from './policy-zh-cn';
import { postsReasonsZhCN, postsZhCN } from './posts-zh-cn';
import { privacyZhCN } from './privacy-zh-cn';
import { fieldRulesZhCN, fieldsZhCN, reasonsZhCN, rulesZhCN } from './problems-zh-cn';
import { recommendationsZhCN } from './recommendations-zh-cn';
import { reviewsReasonsZhCN, reviewsZhCN } from './reviews-zh-cn';
import { sharingReasonsZhCN, sharingZhCN } from './sharing-zh-cn';
import { shippingFieldsZhCN, shippingReasonsZhCN, shippingZhCN } from './shipping-zh-cn';
import { shopperZhCN } from './shopper-zh-cn';
import { simulatorZhCN } from './simulator-zh-cn';
import { stockZhCN } from './stock-zh-cn';
import { structureZhCN } from './structure-zh-cn';
import { tasksZhCN } from './tasks-zh-cn';
import { uploadsZhCN } from './uploads-zh-cn';

export const zhCN: Messages = {
  common: {
    loading: '加载中…',
    loadMore: '加载更多',
    working: '请稍候…',
    error: '出了点问题，请重试。',
    notFound: '页面不存在',
    backHome: '返回商城',
    search: '搜索',
    cancel: '取消',
  },
  nav: {
    main: '主导航',
    mobile: '快捷导航',
    home: '首页',
    orders: '订单',
    cart: '购物车',
    account: '我的',
    language: '语言',
    searchPlaceholder: '搜索商品',
    cartWithCount: '购物车，{{count}} 件商品',
  },
  footer: {
    tagline: 'Fission 裂变 —— 购物、分享、赚钱。开源社交电商。',
  },
  auth: {
    signIn: '登录',
    signUp: '注册',
    signOut: '退出登录',
    signInTitle: '欢迎回来',
    signUpTitle: '创建账号',
    createAccount: '注册',
    name: '昵称',
    email: '邮箱',
    password: '密码',
    passwordHint: '至少 8 个字符',
    passwordTooShort: '密码至少需要 8 个字符',
    inviteCode: '邀请码（选填）',
    inviteCodeHint: '朋友给了你邀请码？填在这里。',
    noAccount: '还没有账号？',
    haveAccount: '已有账号？',
  },
  account: {
    title: '我的账号',
    roles: '角色',
    inviteTitle: '邀请好友',
    inviteHint: '分享你的邀请码或链接，好友注册后将加入你的团队。',
    copyCode: '复制邀请码',
    copyLink: '复制链接',
    copied: '已复制！',
  },
  catalog: {
    heroTitle: '好物，来自朋友的分享',
    heroText: '买你信任的人推荐的好东西 —— 分享还能赚佣金。',
    all: '全部',
    categories: '分类',
    fromPrice: '{{price}} 起',
    outOfStock: '已售罄',
    unavailable: '已下架',
    inStock: '有货',
    fewLeft: '仅剩 {{count}} 件',
    resultsFor: '“{{q}}”的搜索结果',
    noMatch: '没有找到与“{{q}}”相关的商品',
    noProducts: '暂无商品',
    notFound: '商品不存在',
    variant: '选择规格',
    quantity: '数量',
    increase: '增加数量',
    decrease: '减少数量',
    addToCart: '加入购物车',
    buyNow: '立即购买',
    added: '已加入购物车。',
    viewCart: '查看购物车',
    showImage: '查看第 {{number}} 张图片',
    imageOf: '{{title}}，第 {{number}} 张图片',
  },
  cart: {
    title: '购物车',
    empty: '购物车是空的',
    continueShopping: '继续购物',
    remove: '删除',
    subtotal_one: '小计（{{count}} 件）',
    subtotal_other: '小计（{{count}} 件）',
    checkout: '去结算',
  },
  checkout: {
    title: '确认订单',
    address: '收货地址',
    summary: '订单摘要',
    placeOrder: '提交订单',
    notEnoughStock: '抱歉，部分商品库存不足，请调整购物车。',
  },
  pay: {
    title: '支付',
    amountDue: '应付金额',
    deadline: '请在 {{time}} 前完成支付',
    sandboxTitle: '沙盒支付 —— 不会产生真实扣款。',
    sandboxText: '本店使用测试支付通道：请选择支付成功或失败。',
    pay: '支付 {{amount}}',
    fail: '模拟支付失败',
    viewOrder: '查看订单',
  },
  orders: {
    myOrders: '我的订单',
    orderTitle: '订单详情',
    none: '暂无订单',
    notFound: '订单不存在',
    items: '商品',
    subtotal: '商品小计',
    discount: '优惠',
    total: '实付款',
    times: '{{quantity}} × {{price}}',
    moreItems: '等 {{count}} 件',
    placedAt: '下单时间 {{time}}',
    source: { post: '来自笔记', live: '来自直播间' },
    payNow: '立即支付',
    paymentFailed: '上次支付失败，可以重新支付。',
    timeline: '订单进度',
    backToOrders: '全部订单',
    filterByStatus: '按状态筛选',
    status: {
      pending_payment: '待付款',
      paid: '已付款',
      shipped: '已发货',
      completed: '已完成',
      refunded: '已退款',
      cancelled: '已取消',
    },
  },
  admin: {
    title: '管理后台',
    notAllowed: '无权访问',
    notAllowedHint: '此区域仅限商城运营人员使用。',
    backToShop: '返回商城',
    products: '商品',
    orders: '订单',
    newProduct: '新建商品',
    editProduct: '编辑商品',
    viewInShop: '在商城中查看',
    searchProducts: '搜索商品',
    searchOrders: '按买家或订单搜索',
    includeArchived: '包含已下架',
    noProducts: '没有找到商品',
    price: '价格',
    totalStock: '库存',
    status: '状态',
    actions: '操作',
    edit: '编辑',
    view: '查看',
    archive: '下架',
    restore: '上架',
    buyer: '买家',
    orderPlaced: '下单时间',
    productStatus: { active: '在售', archived: '已下架' },
    orderActions: { complete: '标记为已完成', refund: '退款' },
    orderConfirm: {
      complete: '确认该订单已送达并完成？退货期将从现在开始计算。',
      refund: '确认全额退款？库存将恢复，该订单的佣金将被冲回。',
    },
    product: {
      title: '标题',
      description: '描述',
      category: '分类',
      images: '图片',
      commission: '佣金比例覆盖（%）',
      commissionHint: '留空则使用平台佣金比例。',
      leaderRate: '团长佣金比例覆盖（%）',
      leaderRateHint: '留空则使用平台团长佣金比例。',
      variants: '规格',
      variantsHint: '已保存的规格会保留（订单会引用它们）；将库存设为 0 即可停售。',
      sku: 'SKU',
      variantTitle: '规格名称',
      priceIn: '价格（{{currency}}）',
      stock: '库存',
      addVariant: '添加规格',
      removeVariant: '删除',
      savedVariantStays: '已保存的规格不能删除',
      save: '保存商品',
      saved: '商品已保存。',
      fixErrors: '请修正标红的字段。',
      errors: {
        invalidPrice: '请输入价格，例如 12.90',
        invalidStock: '请输入整数',
        invalidPercent: '请输入 0 到 100 之间的百分比，例如 5.5',
      },
    },
  },
  ...distributionZhCN,
  ...discoveryZhCN,
  ...couponsZhCN,
  ...fulfilmentZhCN,
  ...groupBuyZhCN,
  ...flashSalesZhCN,
  ...recommendationsZhCN,
  ...giftsZhCN,
  ...policyZhCN,
  ...bargainsZhCN,
  ...consoleZhCN,
  ...stockZhCN,
  ...structureZhCN,
  ...analyticsZhCN,
  ...simulatorZhCN,
  ...catalogIoZhCN,
  ...categoriesZhCN,
  ...uploadsZhCN,
  ...privacyZhCN,
  ...payoutsZhCN,
  ...notificationsZhCN,
  ...paymentsZhCN,
  ...ordersZhCN,
  ...shopperZhCN,
  ...afterSalesZhCN,
  ...fraudZhCN,
  ...sharingZhCN,
  ...layoutZhCN,
  ...addressesZhCN,
  ...growthZhCN,
  ...checkinsZhCN,
  ...levelsZhCN,
  ...shippingZhCN,
  ...tasksZhCN,
  ...honoursZhCN,
  ...academyZhCN,
  ...postsZhCN,
  ...competitionsZhCN,
  ...pointsMallZhCN,
  ...peopleZhCN,
  ...pointsZhCN,
  ...auditZhCN,
  ...reviewsZhCN,
  ...moderationZhCN,
  ...communitiesZhCN,
  ...liveZhCN,
  reasons: {
    ...reviewsReasonsZhCN,
    ...moderationReasonsZhCN,
    ...reasonsZhCN,
    ...communitiesReasonsZhCN,
    ...sharingReasonsZhCN,
    ...addressesReasonsZhCN,
    ...growthReasonsZhCN,
    ...checkinsReasonsZhCN,
    ...levelsReasonsZhCN,
    ...shippingReasonsZhCN,
    ...academyReasonsZhCN,
    ...postsReasonsZhCN,
    ...competitionsReasonsZhCN,
    ...pointsMallReasonsZhCN,
    ...peopleReasonsZhCN,
    ...liveReasonsZhCN,
  },
  rules: rulesZhCN,
  fields: {
    ...fieldsZhCN,
    ...addressesFieldsZhCN,
    ...checkinsFieldsZhCN,
    ...levelsFieldsZhCN,
    ...shippingFieldsZhCN,
    ...pointsMallFieldsZhCN,
    ...pointsFieldsZhCN,
  },
  fieldRules: { ...fieldRulesZhCN, ...levelsFieldRulesZhCN, ...analyticsFieldRulesZhCN },
};
