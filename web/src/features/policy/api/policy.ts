import { useQuery } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';
import { useConfig } from '../../../lib/config';

export type PolicyOverview = ResponseOf<'/api/admin/policy', 'get'>;
export type PolicyProfile = PolicyOverview['current'];
export type PolicyRules = PolicyProfile['rules'];

/** The profile in force and every profile, for the console's policy page. */
export function usePolicyOverview() {
  return useQuery({
    queryKey: ['admin-policy'],
    queryFn: () => call(apiClient.GET('/api/admin/policy')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The market policy's rules from the public config; undefined until it has loaded. */
export function usePolicyRules(): PolicyRules | undefined {
  return useConfig().data?.policy.rules;
}
