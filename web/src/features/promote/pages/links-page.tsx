import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useMyShareLinks } from '../../sharing';
import { ShareLinkRow } from '../components/share-link-row';

export function PromoteLinksPage() {
  const { t } = useTranslation();
  const links = useMyShareLinks();
  const items = allItems(links.data);
  return (
    <>
      <ListStatus
        pending={links.isPending}
        error={links.error}
        empty={items.length === 0}
        emptyTitle={t('promote.noLinks')}
        emptyTestId="links-empty"
      >
        <p>{t('promote.noLinksHint')}</p>
        <Link className="btn btn-primary" to="/">
          {t('promote.findSomething')}
        </Link>
      </ListStatus>
      <ul className="plain-list">
        {items.map((link) => (
          <ShareLinkRow key={link.code} link={link} />
        ))}
      </ul>
      <LoadMore pages={links} />
    </>
  );
}
