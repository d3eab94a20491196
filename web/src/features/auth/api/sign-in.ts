import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Session } from '../types';
import { meKey } from './get-me';

export interface SignInInput {
  email: string;
  password: string;
}

const signIn = (input: SignInInput) => api.post<Session>('/api/auth/login', input);

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
