import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Lessons and the Q&A board, one tap apart. */
export function AcademyTabs() {
  const { t } = useTranslation();
  return (
    <nav className="chips tabs academy-tabs" aria-label={t('academy.title')}>
      <NavLink className={({ isActive }) => `chip${isActive ? ' chip-active' : ''}`} to="/academy" end>
        {t('academy.lessons')}
      </NavLink>
      <NavLink
        className={({ isActive }) => `chip${isActive ? ' chip-active' : ''}`}
        to="/academy/questions"
        data-testid="academy-questions-tab"
      >
        {t('academy.questions')}
      </NavLink>
    </nav>
  );
}
