// The operator's academy editor and Q&A moderation, loaded only inside the admin console.
export { AdminAcademyPage } from './pages/admin-academy-page';
