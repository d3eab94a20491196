import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentLanguage } from '../../../i18n';
import { api } from '../../../lib/api-client';
import type { Session } from '../types';
import { meKey } from './get-me';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  inviteCode?: string;
}

// The account starts in the language the person is reading the app in.
const signUp = (input: SignUpInput) =>
  api.post<Session>('/api/auth/register', { ...input, language: currentLanguage() });

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: (session) => {
      client.setQueryData(meKey, session.user);
    },
  });
}
