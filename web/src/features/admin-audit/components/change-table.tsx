import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/audit-log';
import { fieldWords } from './audit-words';
import { changedRows, showValue } from './change-rows';

/** Before → after, one row per changed field, readable on a phone (stacked, not a wide table). */
export function ChangeTable({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = changedRows(entry.before, entry.after);
  if (rows.length === 0) return null;
  return (
    <dl className="audit-changes" data-testid="audit-changes">
      {rows.map((row) => (
        <div className="audit-change" key={row.field} data-testid="audit-change" data-field={row.field}>
          <dt>{fieldWords(row.field, t)}</dt>
          <dd>
            <span className="audit-before" data-testid="audit-before">
              {row.before === undefined ? t('adminAudit.none') : showValue(row.before)}
            </span>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden">{t('adminAudit.becomes')}</span>
            <span className="audit-after" data-testid="audit-after">
              {row.after === undefined ? t('adminAudit.none') : showValue(row.after)}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
