import type { auditEn } from './audit-en';

/** 操作日志的简体中文文本。 */
export const auditZhCN: typeof auditEn = {
  adminAudit: {
    nav: '操作日志',
    title: '操作日志',
    intro: '运营人员对资金、库存、价格、设置、角色或他人数据所做的每一次更改：谁、何时、更改前后的内容。',
    empty: '没有符合条件的更改。',
    none: '无',
    becomes: '改为',
    requestId: '请求',
    filter: {
      action: '操作（或其开头，如 product）',
      targetType: '对象类型（如 product、withdrawal）',
      targetId: '对象 ID',
      actor: '操作人（用户 ID）',
      from: '开始日期',
      to: '结束日期',
      search: '搜索',
      clear: '清除',
    },
    kind: {
      created: '新建',
      changed: '修改',
      removed: '删除',
    },
    role: {
      admin: '管理员',
      operator: '客服',
    },
    retention: {
      title: '日志保留时长',
      intro: '超过期限的记录每天删除一次。除此之外，任何记录都不能被修改或删除。',
      days: '天数（30–3650）',
      save: '保存',
      saved: '已保存。',
    },
  },
};
