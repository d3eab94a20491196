import type { checkinsEn, checkinsFieldsEn, checkinsReasonsEn } from './checkins-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 每日签到页面及其后台设置的简体中文文案。 */
export const checkinsZhCN: Catalog<typeof checkinsEn> = {
  checkIn: {
    title: '每日签到',
    streak_one: '已连续签到 {{count}} 天',
    streak_other: '已连续签到 {{count}} 天',
    noStreak: '今天开始连续签到吧',
    button_one: '签到 · +{{count}} 积分',
    button_other: '签到 · +{{count}} 积分',
    done_one: '今日已签到 · +{{count}} 积分',
    done_other: '今日已签到 · +{{count}} 积分',
    elsewhere: '你今天已经签到过了（可能是在另一个页面）。明天见！',
    tomorrow_one: '明天继续签到：+{{count}} 积分',
    tomorrow_other: '明天继续签到：+{{count}} 积分',
    previousMonth: '上个月',
    nextMonth: '下个月',
    dayState: {
      checked: '{{day}} 日：已签到',
      madeUp: '{{day}} 日：已用补签卡',
      missed: '{{day}} 日：漏签，可使用补签卡',
      none: '{{day}} 日',
    },
    legend: { checked: '已签到', madeUp: '补签', today: '今天' },
    cardsLeft_one: '本月还剩 {{count}} 张补签卡。',
    cardsLeft_other: '本月还剩 {{count}} 张补签卡。',
    cardsHint: '点击漏签的日期即可补签。',
    madeUp_one: '{{day}} 已补签，当前连续 {{count}} 天。',
    madeUp_other: '{{day}} 已补签，当前连续 {{count}} 天。',
    makeUpTitle: '使用补签卡？',
    makeUpMessage: '{{day}} 将计入连续签到。补签当天不获得积分，并占用本月一张补签卡。',
    makeUpConfirm: '使用补签卡',
    bonusTitle: '连续签到奖励',
    streakDay: '第 {{day}} 天',
    beyondDay: '第 {{day}} 天以后每天',
    plusPoints_one: '+{{count}} 积分',
    plusPoints_other: '+{{count}} 积分',
  },
  adminCheckIns: {
    nav: '签到',
    title: '签到设置',
    hint: '连续签到每一天获得的积分，以及每人的补签卡数量。',
    streakTable: '按连续天数的积分',
    beyond: '第 {{day}} 天以后每天',
    cards: '每月补签卡数量',
    cardsHint: '补签卡可补本月漏签的一天，计入连续签到但不获得积分。设为 0 即关闭补签。',
    appliesNote: '修改从下一次签到起生效，已获得的积分不变。',
    pointsError: '请输入 0 到 {{max}} 之间的整数积分。',
    save: '保存设置',
    saved: '已保存。',
  },
};

export const checkinsReasonsZhCN: Catalog<typeof checkinsReasonsEn> = {
  already_checked_in: '你今天已经签到过了，明天再来吧！',
  make_up_off: '本店未开放补签卡。',
  make_up_not_past: '补签卡只能补今天之前漏签的日期。',
  make_up_other_month: '补签卡只能补本月的日期。',
  make_up_day_checked: '那一天已经签到过了。',
  make_up_no_cards_one: '本月的补签卡已用完。',
  make_up_no_cards_other: '本月的 {{count}} 张补签卡已用完。',
};

export const checkinsFieldsZhCN: Catalog<typeof checkinsFieldsEn> = {
  beyondPoints: '之后每天的积分',
  makeUpCardsPerMonth: '每月补签卡数量',
  streakPoints: '第 1 至 7 天的积分',
};
