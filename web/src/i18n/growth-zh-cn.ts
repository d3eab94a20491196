/** 成长体系各页面共用的中文文案；各部分的文案各自成文件。 */
export const growthZhCN = {
  growth: {
    title: '成长与奖励',
    pages: {
      checkIn: '每日签到',
      points: '我的积分',
      level: '我的等级',
      tasks: '任务中心',
      pointsMall: '积分商城',
      badges: '勋章',
      competitions: '竞赛排行',
      academy: '商学院',
    },
  },
};

/** Refusals of the growth system's modules (points, check-ins, tasks, the points mall, …). */
export const growthReasonsZhCN = {
  not_enough_points: '你有 {{balance}} 积分，需要 {{needed}} 积分。',
};
