// API keys for integrations: create (the secret is shown once), list, and revoke.
import { useState } from 'react';
import { Alert, Badge, Button, Code, Grid, Modal, Paper, Select, Stack, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconKey, IconX } from '@tabler/icons-react';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/apiKeys';
import type { CreatedApiKey, GrantableRole } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ListPagination, usePage } from '../../components/ListPagination';
import { QueryState } from '../../components/QueryState';
import { SecretField } from '../../components/SecretField';
import { notifyOutcome, showFormError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { grantableRoles } from './InvitationsSettings';
import { EmptyRow } from '../../components/EmptyRow';

export function ApiKeysSettings() {
  const { page, setPage, limit, offset } = usePage('');
  const apiKeys = useApiKeys({ limit, offset });
  const revoke = useRevokeApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  return (
    <Stack>
      <CreateApiKeyForm onCreated={setCreated} />
      <QueryState query={apiKeys}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={640}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Key</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Created</Table.Th>
                      <Table.Th>Last used</Table.Th>
                      <Table.Th w={50} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((apiKey) => (
                      <Table.Tr key={apiKey.id} style={{ opacity: apiKey.revokedAt ? 0.55 : 1 }}>
                        <Table.Td>
                          {apiKey.name}{' '}
                          {apiKey.revokedAt && (
                            <Badge size="xs" color="gray">
                              revoked
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Code>{apiKey.prefix}…</Code>
                        </Table.Td>
                        <Table.Td>{apiKey.role}</Table.Td>
                        <Table.Td>{formatDateTime(apiKey.createdAt)}</Table.Td>
                        <Table.Td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : 'never'}</Table.Td>
                        <Table.Td>
                          {!apiKey.revokedAt && (
                            <ConfirmAction
                              label={`Revoke ${apiKey.name}`}
                              title="Revoke API key"
                              message={`Programs using “${apiKey.name}” will be refused from now on.`}
                              confirmLabel="Revoke"
                              icon={<IconX size={16} />}
                              onConfirm={() =>
                                notifyOutcome(revoke.mutateAsync(apiKey.id), 'API key revoked', 'Could not revoke')
                              }
                            />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={6}>No API keys.</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="API keys" />
          </>
        )}
      </QueryState>
      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title="API key created"
        closeOnClickOutside={false}
        size="lg"
      >
        {created && (
          <Stack>
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              Copy this key now. It is shown only once; if it is lost, revoke it and create another.
            </Alert>
            <SecretField label={`Secret for “${created.apiKey.name}”`} value={created.key} testId="api-key-secret" />
            <Button onClick={() => setCreated(null)}>I have copied the key</Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const create = useCreateApiKey();
  const form = useForm<{ name: string; role: GrantableRole }>({
    initialValues: { name: '', role: 'editor' },
    validate: { name: (v) => (v.trim() ? null : 'Name the key after what will use it') },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), role: values.role },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created);
        },
        onError: (err) => showFormError(form, err, {}, 'Could not create the key'),
      },
    ),
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Key name" placeholder="e.g. Procore sync" data-testid="api-key-name" {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 8, sm: 3 }}>
            <Select label="Key role" data={grantableRoles} allowDeselect={false} {...form.getInputProps('role')} />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 3 }}>
            <Button type="submit" fullWidth leftSection={<IconKey size={16} />} loading={create.isPending} data-testid="api-key-create">
              Create
            </Button>
          </Grid.Col>
        </Grid>
      </form>
    </Paper>
  );
}
