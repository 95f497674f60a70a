// Certificates of insurance: uploads, the fields read from them, and their policies.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiBlobResponse, apiRequest } from './client';
import { invalidateResources, orgKey, useOrgId } from './orgScope';
import type { Certificate, CertificateDetail, CertificateListParams, CertificateUpdate, Page } from './types';

export function useCertificates(params: CertificateListParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'certificates', 'list', params),
    queryFn: () => apiRequest<Page<Certificate>>('/certificates', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** A certificate whose file is being read: received, with a file, and no reading finished yet. */
export const isBeingRead = (c: Certificate) => c.file !== null && c.status === 'received' && c.readAt === null;

export function useCertificate(id: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'certificates', 'detail', id),
    queryFn: () => apiRequest<CertificateDetail>(`/certificates/${id}`, { orgId }),
    // the background reading fills the fields in; look again until it has finished
    refetchInterval: (query) => (query.state.data && isBeingRead(query.state.data) ? 2000 : false),
  });
}

// an insured's coverage state and next expiration come from its certificates
const touched = ['certificates', 'insureds'];

export function useUploadCertificate() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ insuredId, file }: { insuredId: string; file: File }) => {
      const form = new FormData();
      // fields before the file: the server reads the multipart stream in order
      form.append('insuredId', insuredId);
      form.append('file', file, file.name);
      return apiRequest<Certificate>('/certificates/upload', { formData: form, orgId });
    },
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export function useUpdateCertificate() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: CertificateUpdate & { id: string }) =>
      apiRequest<CertificateDetail>(`/certificates/${id}`, { method: 'PATCH', json: input, orgId }),
    onSuccess: (certificate) => {
      queryClient.setQueryData(orgKey(orgId, 'certificates', 'detail', certificate.id), certificate);
      return invalidateResources(queryClient, orgId, ...touched);
    },
  });
}

/** Asks for the file to be read again; the certificate returns to received until the reading finishes. */
export function useReadCertificate() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<CertificateDetail>(`/certificates/${id}/read`, { method: 'POST', orgId }),
    onSuccess: (certificate) => {
      queryClient.setQueryData(orgKey(orgId, 'certificates', 'detail', certificate.id), certificate);
      return invalidateResources(queryClient, orgId, ...touched);
    },
  });
}

export function useDeleteCertificate() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/certificates/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...touched),
  });
}

export const certificateFilePath = (id: string) => `/certificates/${id}/file`;

/** Page widths are asked for in steps, so that resizing the window does not render the page again at every pixel. */
const PAGE_WIDTH_STEP = 200;
export const pageWidthFor = (cssPixels: number, devicePixelRatio = 1) =>
  Math.min(2000, Math.max(400, Math.ceil((cssPixels * devicePixelRatio) / PAGE_WIDTH_STEP) * PAGE_WIDTH_STEP));

/** Page `page` of a certificate's file as a PNG, `width` pixels wide, and how many pages the file has. */
export function useCertificatePage(id: string, page: number, width: number, enabled = true) {
  const orgId = useOrgId();
  const image = useQuery({
    queryKey: orgKey(orgId, 'certificates', 'page', id, page, width),
    queryFn: async () => {
      const { blob, headers } = await apiBlobResponse(`/certificates/${id}/pages/${page}`, { orgId, query: { width } });
      return { blob, pages: Number(headers.get('X-Page-Count')) || 1 };
    },
    enabled: enabled && width > 0,
    staleTime: Infinity, // a stored file never changes
    gcTime: 5 * 60_000,
    // a wider rendering replaces the narrower one without a blank in between
    placeholderData: keepPreviousData,
    retry: false,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!image.data) return undefined;
    const objectUrl = URL.createObjectURL(image.data.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [image.data]);
  return { url, pages: image.data?.pages ?? null, isLoading: image.isLoading, error: image.error };
}
