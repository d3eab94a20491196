import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call } from '../../../lib/api';
import { meKey } from './get-me';

export type SignInInput = BodyOf<'/api/auth/login', 'post'>;

const signIn = (input: SignInInput) => call(apiClient.POST('/api/auth/login', { body: input }));

/** The server sets the session cookie; seeding the "me" query updates the header at once. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      client.setQueryData(meKey, session.user);
    },
  });
}
