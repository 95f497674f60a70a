// Organization settings in tabs: the organization itself, members, invitations and API keys.
import { Alert, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { usePermissions } from '../auth/session';
import { ApiKeysSettings } from './ApiKeysSettings';
import { InvitationsSettings } from './InvitationsSettings';
import { MembersSettings } from './MembersSettings';
import { OrganizationSettingsForm } from './OrganizationSettingsForm';

const tabs = ['organization', 'members', 'invitations', 'api-keys'] as const;

export function SettingsPage() {
  const { canAdmin } = usePermissions();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'organization';

  return (
    <>
      <PageHeader title="Settings" />
      {!canAdmin && (
        <Alert color="gray" mb="md">
          Only admins and owners can change these settings.
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'organization' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="organization">Organization</Tabs.Tab>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          {canAdmin && <Tabs.Tab value="invitations">Invitations</Tabs.Tab>}
          {canAdmin && <Tabs.Tab value="api-keys">API keys</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="organization">
          <OrganizationSettingsForm />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersSettings />
        </Tabs.Panel>
        {canAdmin && (
          <Tabs.Panel value="invitations">
            <InvitationsSettings />
          </Tabs.Panel>
        )}
        {canAdmin && (
          <Tabs.Panel value="api-keys">
            <ApiKeysSettings />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
