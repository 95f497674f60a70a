// The organization every org-scoped request acts in. Hooks read it from context and put it both in
// the X-Organization-Id header and at the front of their query keys, so switching organizations
// can never show one organization's cached rows under another's name.
import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';

export const OrgIdContext = createContext<string | null>(null);

export function useOrgId(): string {
  const orgId = useContext(OrgIdContext);
  if (!orgId) throw new Error('useOrgId() used outside an organization (no OrgIdContext provider)');
  return orgId;
}

/** Query key of an org-scoped resource: ['org', orgId, resource, ...rest]. */
export function orgKey(orgId: string, resource: string, ...rest: unknown[]): unknown[] {
  return ['org', orgId, resource, ...rest];
}

/** Marks every cached query of the given resources stale, for mutations whose effects reach several lists. */
export function invalidateResources(queryClient: QueryClient, orgId: string, ...resources: string[]): Promise<void> {
  return Promise.all(
    resources.map((resource) => queryClient.invalidateQueries({ queryKey: ['org', orgId, resource] })),
  ).then(() => undefined);
}

const STORAGE_KEY = 'coi-tracker.organizationId';

export function loadStoredOrgId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode): fall back to the first organization
  }
}

export function storeOrgId(orgId: string | null): void {
  try {
    if (orgId) window.localStorage.setItem(STORAGE_KEY, orgId);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // not remembering the choice is harmless
  }
}
