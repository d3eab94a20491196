export { meKey, useUser } from './api/get-me';
export { useSignOut } from './api/sign-out';
export { RequireAdmin, RequireAuth } from './components/require-auth';
export { SignInPage } from './pages/sign-in-page';
export { SignUpPage } from './pages/sign-up-page';
export { isAdmin, type User } from './types';
