// Locations (sites, properties, projects…) that insureds are assigned to.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { invalidateResources, orgKey, useOrgId } from './orgScope';
import type { Location, LocationInput, LocationListParams, Page } from './types';

export function useLocations(params: LocationListParams, options: { enabled?: boolean } = {}) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'locations', 'list', params),
    queryFn: () => apiRequest<Page<Location>>('/locations', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useLocationDetail(id: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'locations', 'detail', id),
    queryFn: () => apiRequest<Location>(`/locations/${id}`, { orgId }),
  });
}

// assignments show location names, insured lists filter by location and requirement sets count assignments
const touched = ['locations', 'insureds', 'assignments', 'requirement-sets'];

export function useCreateLocation() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LocationInput) => apiRequest<Location>('/locations', { json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useUpdateLocation() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<LocationInput> & { id: string }) =>
      apiRequest<Location>(`/locations/${id}`, { method: 'PATCH', json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useDeleteLocation() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/locations/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}
