import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { EmailPreferences, NotificationType } from '../types';

const key = ['notification-preferences'] as const;

export function useEmailPreferences() {
  return useQuery({
    queryKey: key,
    queryFn: () => call(apiClient.GET('/api/me/notification-preferences')),
  });
}

/**
 * Turns email on or off for one type. The box follows the tap at once (a phone on a slow network
 * should not wait to see its own choice) and goes back if saving fails; the answer is the whole set.
 */
export function useSetEmailPreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ type, email }: { type: NotificationType; email: boolean }) =>
      call(apiClient.PUT('/api/me/notification-preferences', { body: { email: { [type]: email } } })),
    onMutate: async ({ type, email }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<EmailPreferences>(key);
      if (before)
        client.setQueryData<EmailPreferences>(key, { ...before, email: { ...before.email, [type]: email } });
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSuccess: (saved) => client.setQueryData(key, saved),
  });
}
