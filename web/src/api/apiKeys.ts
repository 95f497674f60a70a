// API keys of the current organization. The secret comes back once, from create.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { orgKey, useOrgId } from './orgScope';
import type { ApiKey, CreatedApiKey, GrantableRole, Page, PageParams } from './types';

export function useApiKeys(params: PageParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'api-keys', params),
    queryFn: () => apiRequest<Page<ApiKey>>('/api-keys', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiKey() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: GrantableRole }) =>
      apiRequest<CreatedApiKey>('/api-keys', { json: input, orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'api-keys') }),
  });
}

export function useRevokeApiKey() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api-keys/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'api-keys') }),
  });
}
