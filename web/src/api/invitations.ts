// Invitations the current organization has sent (the public accept flow is in auth.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { orgKey, useOrgId } from './orgScope';
import type { CreatedInvitation, GrantableRole, Page, PageParams, SentInvitation } from './types';

export function useSentInvitations(params: PageParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'invitations', params),
    queryFn: () => apiRequest<Page<SentInvitation>>('/invitations-sent', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useInvite() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: GrantableRole }) =>
      apiRequest<CreatedInvitation>('/invitations-sent', { json: input, orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'invitations') }),
  });
}

export function useRevokeInvitation() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/invitations-sent/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'invitations') }),
  });
}
