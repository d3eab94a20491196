/** English strings of the operator's audit log. */
export const auditEn = {
  adminAudit: {
    nav: 'Audit log',
    title: 'Audit log',
    intro:
      'Every change an operator made to money, stock, prices, settings, roles or someone’s data: who, when, and what it was before and after.',
    empty: 'No changes match this search.',
    none: 'nothing',
    becomes: 'becomes',
    requestId: 'Request',
    filter: {
      action: 'Action (or its start, e.g. product)',
      targetType: 'Kind of target (e.g. product, withdrawal)',
      targetId: 'Target id',
      actor: 'Operator (user id)',
      from: 'From',
      to: 'To',
      search: 'Search',
      clear: 'Clear',
    },
    kind: {
      created: 'Created',
      changed: 'Changed',
      removed: 'Removed',
    },
    role: {
      admin: 'Administrator',
      operator: 'Support staff',
    },
    retention: {
      title: 'How long the log is kept',
      intro: 'Older entries are deleted once a day. Nothing else can change or delete an entry.',
      days: 'Days (30–3650)',
      save: 'Save',
      saved: 'Saved.',
    },
  },
};
