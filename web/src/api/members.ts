// Members of the current organization: list, change role, remove.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from './auth';
import { apiRequest } from './client';
import { orgKey, useOrgId } from './orgScope';
import type { Member, Page, PageParams, Role } from './types';

export function useMembers(params: PageParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'members', params),
    queryFn: () => apiRequest<Page<Member>>('/members', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateMemberRole() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiRequest<Member>(`/members/${userId}`, { method: 'PATCH', json: { role }, orgId }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'members') });
      // the current user may have changed their own role
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useRemoveMember() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiRequest<void>(`/members/${userId}`, { method: 'DELETE', orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'members') }),
  });
}
