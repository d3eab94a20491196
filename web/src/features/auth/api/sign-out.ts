import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { authToken } from '../../../lib/auth-token';

const signOut = () => call(apiClient.POST('/api/auth/logout'));

/** Ends the session on the server, then forgets everything cached for this user. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      authToken.clear();
      client.clear();
    },
  });
}
