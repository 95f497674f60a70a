// The organization's insurer table: NAIC code, name and AM Best rating, which requirement sets check insurers against.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { invalidateResources, orgKey, useOrgId } from './orgScope';
import type { IsoDateTime, Page, PageParams } from './types';

export interface InsurerRating {
  id: string;
  naic: string;
  name: string;
  /** AM Best style, e.g. "A- VIII". */
  rating: string | null;
  notes: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface InsurerRatingInput {
  naic: string;
  name: string;
  rating?: string | null;
  notes?: string | null;
}

export type InsurerImport = { csv: string } | { naic: string; name: string; rating: string | null }[];

// ratings decide insurer findings, so every change can move statuses
const touched = ['insurers', 'insureds'];

export function useInsurerRatings(params: PageParams & { q?: string }) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insurers', 'list', params),
    queryFn: () => apiRequest<Page<InsurerRating>>('/insurers', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveInsurerRating() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: InsurerRatingInput & { id?: string }) =>
      id
        ? apiRequest<InsurerRating>(`/insurers/${id}`, { method: 'PATCH', json: input, orgId })
        : apiRequest<InsurerRating>('/insurers', { json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useDeleteInsurerRating() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/insurers/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useImportInsurers() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InsurerImport) => apiRequest<{ created: number; updated: number }>('/insurers/import', { json: body, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}
