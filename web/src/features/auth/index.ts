export { meKey, useUser } from './api/get-me';
export { useSignOut } from './api/sign-out';
export { RequireAdmin, RequireAuth } from './components/require-auth';
export { ForgotPasswordPage } from './pages/forgot-password-page';
export { ResetPasswordPage } from './pages/reset-password-page';
export { SignInPage } from './pages/sign-in-page';
export { SignUpPage } from './pages/sign-up-page';
export { isAdmin, isStaff, type User } from './types';
