import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call } from '../../../lib/api';
import { authToken } from '../../../lib/auth-token';
import { meKey } from './get-me';

export type SignInInput = BodyOf<'/api/auth/login', 'post'>;

const signIn = (input: SignInInput) => call(apiClient.POST('/api/auth/login', { body: input }));

/** Stores the token and seeds the "me" query so the header updates without a round trip. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      authToken.set(session.token);
      client.setQueryData(meKey, session.user);
    },
  });
}
