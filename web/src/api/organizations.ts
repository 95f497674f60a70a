// Organizations: creating new ones, and reading or renaming the current one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from './auth';
import { apiRequest } from './client';
import { orgKey, useOrgId } from './orgScope';
import type { Organization, OrganizationSettings } from './types';

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; timeZone?: string }) =>
      apiRequest<Organization>('/organizations', { json: input }),
    // the organization switcher lists the session's organizations
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useCurrentOrganization() {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'organization'),
    queryFn: () => apiRequest<OrganizationSettings>('/organization', { orgId }),
  });
}

export function useUpdateOrganization() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; timeZone: string }) =>
      apiRequest<OrganizationSettings>('/organization', { method: 'PATCH', json: input, orgId }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'organization') });
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
