import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const signOut = () => api.post<void>('/api/auth/logout');

/** Ends the session on the server (which clears its cookies), then forgets everything cached for this user. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      client.clear();
    },
  });
}
