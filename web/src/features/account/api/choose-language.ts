import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../../../i18n';
import { useUser } from '../../auth';
import { useSaveLanguage } from './set-language';

/** Switches the interface language and, when signed in, saves it: notifications and emails follow it. */
export function useChooseLanguage() {
  const { i18n } = useTranslation();
  const { user } = useUser();
  const saveLanguage = useSaveLanguage();
  const choose = (language: Language) => {
    void changeLanguage(language);
    if (user && user.language !== language) saveLanguage.mutate(language);
  };
  return { current: i18n.language as Language, choose };
}
