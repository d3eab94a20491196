import { useTranslation } from 'react-i18next';
import { useChooseLanguage } from '../../features/account';
import { LANGUAGES, type Language } from '../../i18n';
import { GlobeIcon } from './icons';

/** What the closed control shows: the header leaves the search field the room, not the language names. */
const SHORT: Record<Language, string> = { en: 'EN', 'zh-CN': '中' };

/**
 * The header's compact language choice: a globe and the current language's short name over a native
 * select (invisible, but it is what is tapped and focused), so the picker lists the full names.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { current, choose } = useChooseLanguage();
  return (
    <label className="language-switch">
      <GlobeIcon />
      <span aria-hidden="true">{SHORT[current] ?? current}</span>
      <select
        value={current}
        aria-label={t('nav.language')}
        onChange={(e) => choose(e.target.value as Language)}
        data-testid="language-switch"
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </label>
  );
}
