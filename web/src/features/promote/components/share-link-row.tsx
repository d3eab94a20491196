import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/copy-button';
import { api } from '../../../lib/api-client';
import { useMoney } from '../../../lib/config';
import { ShareAssets, type ShareLinkWithStats } from '../../sharing';

interface TargetSummary {
  title: string;
  href: string;
}

/** The list gives only the target's id: products and stores are looked up for a name to show. */
async function describeTarget(link: ShareLinkWithStats): Promise<TargetSummary | null> {
  const id = encodeURIComponent(link.targetId);
  if (link.targetType === 'product') {
    const product = await api.get<{ title: string }>(`/api/products/${id}`);
    return { title: product.title, href: `/products/${id}` };
  }
  if (link.targetType === 'store') {
    const store = await api.get<{ name: string; slug: string }>(`/api/stores/by-id/${id}`);
    return { title: store.name, href: `/stores/${encodeURIComponent(store.slug)}` };
  }
  return null;
}

export function ShareLinkRow({ link }: { link: ShareLinkWithStats }) {
  const { t } = useTranslation();
  const money = useMoney();
  const target = useQuery({
    queryKey: ['share-target', link.targetType, link.targetId],
    queryFn: () => describeTarget(link),
    staleTime: 5 * 60_000,
  });
  const title = target.data?.title ?? t(`promote.targetType.${link.targetType}`);
  return (
    <li className="card share-link-row" data-testid="share-link-row" data-code={link.code}>
      <div className="share-link-head">
        <span className="badge badge-muted">{t(`promote.targetType.${link.targetType}`)}</span>
        {target.data ? <Link to={target.data.href}>{title}</Link> : <strong>{title}</strong>}
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
