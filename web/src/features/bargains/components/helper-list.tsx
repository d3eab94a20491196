import { useTranslation } from 'react-i18next';
import { useDateTime, useMoney } from '../../../lib/config';
import type { BargainHelp } from '../types';

/** The friends who helped, by masked name, each with the cut they made. */
export function HelperList({ helps }: { helps: readonly BargainHelp[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  return (
    <section className="card" data-testid="bargain-helpers">
      <h2>{t('bargain.helpers')}</h2>
      {helps.length === 0 ? <p className="muted">{t('bargain.noHelpers')}</p> : null}
      <ul className="member-list bargain-helpers">
        {helps.map((help) => (
          <li key={help.at + help.user.name} data-testid="bargain-helper">
            <strong>{help.user.name}</strong>
            {help.user.you ? <span className="badge">{t('privacy.you')}</span> : null}
            <span className="price">{t('bargain.cut', { amount: money(help.cut) })}</span>
            <small className="muted">{dateTime(help.at)}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
