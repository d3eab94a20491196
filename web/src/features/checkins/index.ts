/** The daily check-in page; the console's settings page loads from ./admin. */
export { CheckInPage } from './pages/check-in-page';
