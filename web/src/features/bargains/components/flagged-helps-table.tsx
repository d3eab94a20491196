import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useFlaggedHelps } from '../api/admin-bargains';

/** Helps that look like accounts made only to help, with the signals that say so. */
export function FlaggedHelpsTable() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const list = useFlaggedHelps();
  const helps = allItems(list.data);
  return (
    <section className="card" data-testid="bargain-flagged">
      <h2>{t('adminBargains.flagged.title')}</h2>
      <p className="muted">{t('adminBargains.flagged.hint')}</p>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={list.isSuccess && helps.length === 0}
        emptyTitle={t('adminBargains.flagged.none')}
      />
      {helps.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked">
            <thead>
              <tr>
                <th>{t('adminBargains.flagged.helper')}</th>
                <th>{t('adminBargains.flagged.starter')}</th>
                <th>{t('adminBargains.flagged.cut')}</th>
                <th>{t('adminBargains.flagged.signals')}</th>
                <th>{t('adminBargains.flagged.at')}</th>
              </tr>
            </thead>
            <tbody>
              {helps.map((help) => (
                <tr key={`${help.bargainId}-${help.helper.id}`} data-testid="bargain-flagged-row">
                  <td data-label={t('adminBargains.flagged.helper')}>{help.helper.name}</td>
                  <td data-label={t('adminBargains.flagged.starter')}>{help.starter.name}</td>
                  <td data-label={t('adminBargains.flagged.cut')}>{money(help.cut)}</td>
                  <td data-label={t('adminBargains.flagged.signals')}>
                    {help.signals.map((signal) => (
                      <span key={signal} className="badge badge-muted" data-signal={signal}>
                        {t(`adminBargains.signals.${signal}`)}
                      </span>
                    ))}
                  </td>
                  <td data-label={t('adminBargains.flagged.at')}>{dateTime(help.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
    </section>
  );
}
