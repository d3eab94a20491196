import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentLanguage } from '../../../i18n';
import { apiClient, type BodyOf, call } from '../../../lib/api';
import { meKey } from './get-me';

export type SignUpInput = Omit<BodyOf<'/api/auth/register', 'post'>, 'language'>;

// The account starts in the language the person is reading the app in.
const signUp = (input: SignUpInput) =>
  call(apiClient.POST('/api/auth/register', { body: { ...input, language: currentLanguage() } }));

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: (session) => {
      client.setQueryData(meKey, session.user);
    },
  });
}
