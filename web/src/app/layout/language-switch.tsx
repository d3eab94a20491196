import { useTranslation } from 'react-i18next';
import { useSaveLanguage } from '../../features/account';
import { useUser } from '../../features/auth';
import { changeLanguage, LANGUAGES, type Language } from '../../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { user } = useUser();
  const saveLanguage = useSaveLanguage();
  const choose = (language: Language) => {
    void changeLanguage(language);
    // Signed in: notifications and emails follow the interface language.
    if (user && user.language !== language) saveLanguage.mutate(language);
  };
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select
        value={i18n.language}
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
