// Requirement sets: the minimum insurance an insured must carry at a location.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiBlob, apiRequest } from './client';
import { invalidateResources, orgKey, useOrgId } from './orgScope';
import type { Page, PageParams, RequirementDefinition, RequirementSet, RequirementSetInput } from './types';

export function useRequirementSets(params: PageParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'requirement-sets', 'list', params),
    queryFn: () => apiRequest<Page<RequirementSet>>('/requirement-sets', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useRequirementSet(id: string | undefined) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'requirement-sets', 'detail', id),
    queryFn: () => apiRequest<RequirementSet>(`/requirement-sets/${id}`, { orgId }),
    enabled: Boolean(id),
  });
}

// assignments show the requirement set's name
const touched = ['requirement-sets', 'assignments'];

export function useSaveRequirementSet() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: RequirementSetInput & { id?: string }) =>
      id
        ? apiRequest<RequirementSet>(`/requirement-sets/${id}`, { method: 'PATCH', json: input, orgId })
        : apiRequest<RequirementSet>('/requirement-sets', { json: input, orgId }),
    onSuccess: (saved) => {
      // the answer carries the new summary: show it at once rather than after the refetch
      queryClient.setQueryData(orgKey(orgId, 'requirement-sets', 'detail', saved.id), saved);
      return invalidateResources(queryClient, orgId, ...touched);
    },
  });
}

export function useImportRequirementSet() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: RequirementDefinition) =>
      apiRequest<RequirementSet>('/requirement-sets/import', { json: definition, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useDeleteRequirementSet() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/requirement-sets/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function exportRequirementSet(orgId: string, id: string): Promise<Blob> {
  return apiBlob(`/requirement-sets/${id}/export`, { orgId });
}
