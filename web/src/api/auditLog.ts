// The organization's audit log: who changed what, newest first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client';
import { orgKey, useOrgId } from './orgScope';
import type { AuditEntry, AuditListParams, Page } from './types';

export function useAuditLog(params: AuditListParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'audit-log', params),
    queryFn: () => apiRequest<Page<AuditEntry>>('/audit-log', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}
