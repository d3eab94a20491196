import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { useMoney } from '../../../lib/config';
import { ShareAssets, type ShareLinkWithStats } from '../../sharing';

export function ShareLinkRow({ link }: { link: ShareLinkWithStats }) {
  const { t } = useTranslation();
  const money = useMoney();
  const title = link.target?.title ?? t(`promote.targetType.${link.targetType}`);
  return (
    <li className="card share-link-row" data-testid="share-link-row" data-code={link.code}>
      <div className="share-link-head">
        <span className="badge badge-muted">{t(`promote.targetType.${link.targetType}`)}</span>
        {link.target ? <Link to={link.target.path}>{title}</Link> : <strong>{title}</strong>}
      </div>
      <dl className="stats" data-testid="share-link-stats">
        <div>
          <dt>{t('promote.clicks')}</dt>
          <dd data-testid="stat-clicks">{link.stats.clicks}</dd>
        </div>
        <div>
          <dt>{t('promote.orders')}</dt>
          <dd data-testid="stat-orders">{link.stats.orders}</dd>
        </div>
        <div>
          <dt>{t('promote.gmv')}</dt>
          <dd data-testid="stat-gmv">{money(link.stats.gmv)}</dd>
        </div>
      </dl>
      <div className="copy-row">
        <code className="wrap">{link.url}</code>
        <CopyButton text={link.url} label={t('share.copyLink')} testId="copy-link" />
      </div>
      <ShareAssets code={link.code} compact />
    </li>
  );
}
