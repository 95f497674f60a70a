// Contacts of an insured: the vendor's own people and their insurance brokers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, itemsOf } from './client';
import { orgKey, useOrgId } from './orgScope';
import type { Contact, ContactInput, Page } from './types';

export function useContacts(insuredId: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'contacts', insuredId),
    // an insured has a handful of contacts, so one page of the maximum size holds them all
    queryFn: async () =>
      itemsOf(await apiRequest<Page<Contact> | Contact[]>(`/insureds/${insuredId}/contacts`, { orgId, query: { limit: 200 } })),
  });
}

export function useSaveContact(insuredId: string) {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ContactInput & { id?: string }) =>
      id
        ? apiRequest<Contact>(`/contacts/${id}`, { method: 'PATCH', json: input, orgId })
        : apiRequest<Contact>(`/insureds/${insuredId}/contacts`, { json: input, orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'contacts', insuredId) }),
  });
}

export function useDeleteContact(insuredId: string) {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/contacts/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(orgId, 'contacts', insuredId) }),
  });
}
