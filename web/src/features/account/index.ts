export { useSaveLanguage } from './api/set-language';
export { AccountPage } from './pages/account-page';
