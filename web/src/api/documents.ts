// Other documents kept for an insured: policies, endorsements, contracts, W-9s, leases.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { orgKey, useOrgId } from './orgScope';
import type { DocumentListParams, DocumentUploadInput, InsuredDocument, Page } from './types';

export function useDocuments(params: DocumentListParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'documents', params),
    queryFn: () => apiRequest<Page<InsuredDocument>>('/documents', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useUploadDocument() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ insuredId, kind, title, expiresOn, file }: DocumentUploadInput) => {
      const form = new FormData();
      // fields before the file: the server reads the multipart stream in order
      form.append('insuredId', insuredId);
      form.append('kind', kind);
      if (title) form.append('title', title);
      if (expiresOn) form.append('expiresOn', expiresOn);
      form.append('file', file, file.name);
      return apiRequest<InsuredDocument>('/documents/upload', { formData: form, orgId });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'documents') }),
  });
}

export function useDeleteDocument() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/documents/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'documents') }),
  });
}

export const documentFilePath = (id: string) => `/documents/${id}/file`;
