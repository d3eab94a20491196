import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { EmailPreferences, NotificationType } from '../types';

const key = ['notification-preferences'] as const;

export function useEmailPreferences() {
  return useQuery({
    queryKey: key,
    queryFn: () => api.get<EmailPreferences>('/api/me/notification-preferences'),
  });
}

/** Turns email on or off for one type; the answer is the whole set as saved. */
export function useSetEmailPreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ type, email }: { type: NotificationType; email: boolean }) =>
      api.put<EmailPreferences>('/api/me/notification-preferences', { email: { [type]: email } }),
    onSuccess: (saved) => client.setQueryData(key, saved),
  });
}
