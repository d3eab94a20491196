import { useMutation } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** "Forgot password": always accepted (202), whether or not the email has an account. */
export const useForgotPassword = () =>
  useMutation({
    mutationFn: (email: string) => call(apiClient.POST('/api/auth/forgot-password', { body: { email } })),
  });

/** Sets the new password from the emailed link's token; every session of the account ends. */
export const useResetPassword = () =>
  useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      call(apiClient.POST('/api/auth/reset-password', { body: input })),
  });
