// Who is signed in and which organization they are working in. The selected organization is
// remembered in localStorage; when it is missing or no longer theirs, the first one is used.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useSessionQuery } from '../../api/auth';
import { loadStoredOrgId, storeOrgId } from '../../api/orgScope';
import type { Organization, Session } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { permissionsFor, type Permissions } from '../../lib/roles';

interface SessionValue {
  session: Session | null;
  currentOrg: Organization | null;
  selectOrganization: (orgId: string) => void;
  permissions: Permissions;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const query = useSessionQuery();
  const [selectedId, setSelectedId] = useState<string | null>(loadStoredOrgId);

  const session = query.data ?? null;
  const currentOrg = useMemo(() => {
    const orgs = session?.organizations ?? [];
    return orgs.find((o) => o.id === selectedId) ?? orgs[0] ?? null;
  }, [session, selectedId]);

  const selectOrganization = useCallback((orgId: string) => {
    storeOrgId(orgId);
    setSelectedId(orgId);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ session, currentOrg, selectOrganization, permissions: permissionsFor(currentOrg?.role) }),
    [session, currentOrg, selectOrganization],
  );

  if (query.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={query.error} title="Cannot reach coi-tracker" onRetry={() => void query.refetch()} />
      </Center>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() used outside SessionProvider');
  return value;
}

/** What the signed-in user may do in the current organization. */
export function usePermissions(): Permissions {
  return useSession().permissions;
}
