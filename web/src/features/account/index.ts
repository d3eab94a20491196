export { useChooseLanguage } from './api/choose-language';
export { useSaveLanguage } from './api/set-language';
export { AccountPage } from './pages/account-page';
