import type { honoursEn } from './honours-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 徽章（荣誉）的中文文案：我的徽章、店铺与推广页上的徽章、运营后台。 */
export const honoursZhCN: Catalog<typeof honoursEn> = {
  honours: {
    title: '我的徽章',
    intro:
      '徽章记录您的成长：首单、客户、连续签到、学习、竞赛名次与服务年限。每枚徽章分铜牌、银牌、金牌三级。',
    earnedCount_one: '已获得 {{count}} 枚徽章',
    earnedCount_other: '已获得 {{count}} 枚徽章',
    locked: '尚未获得',
    top: '已达最高等级',
    nextTier: '下一级：{{tier}}',
    tiers: { bronze: '铜牌', silver: '银牌', gold: '金牌' },
    names: {
      first_sale: '首单达成',
      customers: '客户达人',
      check_in_streak: '连续签到',
      lessons: '学习之星',
      competition: '竞赛名次',
      service_years: '服务年限',
    },
    descriptions: {
      first_sale: '有人通过您的分享链接或店铺下单付款。',
      customers: '通过您购买的不同客户：10、100、1,000 位。',
      check_in_streak: '连续签到天数：7、30、100 天。',
      lessons: '完成商学院课程：1、5、20 节。',
      competition: '竞赛获奖：第三名铜牌，第二名银牌，第一名金牌。',
      service_years: '成为店主的年数：1、3、5 年。',
    },
    progress: {
      first_sale_one: '{{done}}/{{count}} 笔成交',
      first_sale_other: '{{done}}/{{count}} 笔成交',
      customers_one: '{{done}}/{{count}} 位客户',
      customers_other: '{{done}}/{{count}} 位客户',
      check_in_streak_one: '最长连续签到 {{done}}/{{count}} 天',
      check_in_streak_other: '最长连续签到 {{done}}/{{count}} 天',
      lessons_one: '{{done}}/{{count}} 节课程',
      lessons_other: '{{done}}/{{count}} 节课程',
      competition: '下一级：获得{{place}}',
      service_years_one: '{{done}}/{{count}} 年',
      service_years_other: '{{done}}/{{count}} 年',
    },
    places: { first: '第一名', second: '第二名', third: '第三名' },
    onStore: '店主的徽章',
    onPromote: '我的徽章',
    seeAll: '全部徽章',
    noneYet: '还没有徽章。分享一件商品，完成您的首单吧。',
  },
  adminHonours: {
    title: '徽章',
    nav: '徽章',
    intro: '每枚徽章各等级的获得人数，以及最近获得的人。',
    columns: { badge: '徽章', tier: '等级', holders: '获得人数', recent: '最近获得' },
    nobody: '暂无',
  },
};
