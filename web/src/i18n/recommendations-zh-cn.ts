/** 推荐（“为你推荐”“买了还买”）及其后台页面的简体中文文本。 */
export const recommendationsZhCN = {
  recommendations: {
    forYou: '为你推荐',
    popular: '大家都在买',
    empty: '暂时没有推荐：随便逛逛，你和好友喜欢的东西会出现在这里。',
    alsoBought: '买了还买',
  },
  adminRecommendations: {
    nav: '推荐',
    title: '推荐',
    intro:
      '推荐模型每 6 小时在后台线程中重新训练一次，并用本店最近一周的订单检验：只用之前的数据训练，看这些订单有多少出现在它的前 10 名里。',
    retrain: '立即重新训练',
    queued: '已排队训练，几秒内开始。',
    none: '还没有训练过。',
    startedAt: '开始时间',
    finishedAt: '最近训练',
    status: '状态',
    statuses: { running: '进行中', done: '完成', failed: '失败' },
    duration: '用时',
    memory: '内存',
    memoryValue: '模型 {{model}}，训练线程 {{heap}}',
    size: '训练数据',
    sizeValue: '{{users}} 人，{{items}} 件商品，{{interactions}} 条互动',
    model: '模型',
    recall: 'Recall@{{k}}',
    recallValue_one: '{{recall}}（最热门基线：{{popular}}），基于 {{cutoff}} 之后 {{count}} 位买家的订单',
    recallValue_other: '{{recall}}（最热门基线：{{popular}}），基于 {{cutoff}} 之后 {{count}} 位买家的订单',
    noHeldOut: '最近一周还没有可用于检验的订单。',
    repurchase: '复购商品',
    repurchaseHint: '会反复购买的商品（茶叶、大米）：即使 30 天内买过也会推荐。',
  },
};
