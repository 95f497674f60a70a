// Assignments tie an insured to a location, with the requirement set that applies there.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, itemsOf } from './client';
import { invalidateResources, orgKey, useOrgId } from './orgScope';
import type { Assignment, AssignmentInput, Page } from './types';

export function useAssignments(insuredId: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'assignments', insuredId),
    queryFn: async () =>
      itemsOf(await apiRequest<Page<Assignment> | Assignment[]>(`/insureds/${insuredId}/assignments`, { orgId, query: { limit: 200 } })),
  });
}

// location insured counts, the insured list's location filter and requirement sets' assignment counts depend on assignments
const touched = ['assignments', 'locations', 'insureds', 'requirement-sets'];

export function useCreateAssignment() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ insuredId, ...input }: AssignmentInput & { insuredId: string }) =>
      apiRequest<Assignment>(`/insureds/${insuredId}/assignments`, { json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useUpdateAssignment() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, requirementSetId }: { id: string; requirementSetId: string | null }) =>
      apiRequest<Assignment>(`/assignments/${id}`, { method: 'PATCH', json: { requirementSetId }, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useDeleteAssignment() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/assignments/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}
