import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authToken } from '../../../lib/auth-token';
import type { Session } from '../types';
import { meKey } from './get-me';

export interface SignInInput {
  email: string;
  password: string;
}

const signIn = (input: SignInInput) => api.post<Session>('/api/auth/login', input);

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
