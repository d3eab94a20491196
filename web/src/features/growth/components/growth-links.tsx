import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Every part of the growth system a person visits, in the order a newcomer meets them. */
const GROWTH_PAGES = [
  { to: '/check-in', key: 'checkIn' },
  { to: '/points', key: 'points' },
  { to: '/level', key: 'level' },
  { to: '/tasks', key: 'tasks' },
  { to: '/points-mall', key: 'pointsMall' },
  { to: '/badges', key: 'badges' },
  { to: '/competitions', key: 'competitions' },
  { to: '/academy', key: 'academy' },
] as const;

/** The account page's way into the growth system: one tile per part, two to a row on a phone. */
export function GrowthLinks() {
  const { t } = useTranslation();
  return (
    <nav className="card" aria-label={t('growth.title')} data-testid="growth-links">
      <h2>{t('growth.title')}</h2>
      <ul className="growth-tiles">
        {GROWTH_PAGES.map((page) => (
          <li key={page.to}>
            <Link to={page.to} data-testid={`growth-link-${page.key}`}>
              {t(`growth.pages.${page.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
