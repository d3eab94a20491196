import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Language } from '../../../i18n';
import { apiClient, call } from '../../../lib/api';
import { meKey } from '../../auth';

/** Saves the signed-in person's language, which their notifications and emails are written in. */
export function useSaveLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => call(apiClient.PUT('/api/me/language', { body: { language } })),
    onSuccess: (user) => {
      client.setQueryData(meKey, user);
      // Notifications already written keep their language; new ones come in the new one.
    },
  });
}
