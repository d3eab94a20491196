import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

const signOut = () => call(apiClient.POST('/api/auth/logout'));

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
