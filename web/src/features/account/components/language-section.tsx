import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../i18n';
import { useChooseLanguage } from '../api/choose-language';

/** The account page's language choice, with the languages' full names (the header has a compact one). */
export function LanguageSection() {
  const { t } = useTranslation();
  const { current, choose } = useChooseLanguage();
  return (
    <div className="card" data-testid="account-language">
      <h2>
        <label htmlFor="account-language">{t('nav.language')}</label>
      </h2>
      <p className="muted">{t('layout.languageHint')}</p>
      <select
        id="account-language"
        value={current}
        onChange={(e) => choose(e.target.value as Language)}
        data-testid="language-switch"
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </div>
  );
}
