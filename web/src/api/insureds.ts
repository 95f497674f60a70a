// Insureds: the vendors, contractors and tenants whose certificates are tracked.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { invalidateResources, orgKey, useOrgId } from './orgScope';
import type { Insured, InsuredInput, InsuredListParams, Page } from './types';

export function useInsureds(params: InsuredListParams, options: { enabled?: boolean } = {}) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insureds', 'list', params),
    queryFn: () => apiRequest<Page<Insured>>('/insureds', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useInsured(id: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insureds', 'detail', id),
    queryFn: () => apiRequest<Insured>(`/insureds/${id}`, { orgId }),
  });
}

// locations show how many insureds they have
const touched = ['insureds', 'locations'];

export function useCreateInsured() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InsuredInput) => apiRequest<Insured>('/insureds', { json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useUpdateInsured() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<InsuredInput> & { id: string }) =>
      apiRequest<Insured>(`/insureds/${id}`, { method: 'PATCH', json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useDeleteInsured() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/insureds/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched, 'certificates', 'documents', 'assignments', 'requirement-sets'),
  });
}
