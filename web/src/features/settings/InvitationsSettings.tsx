// Inviting people by email, showing the link to copy (it is emailed too), and revoking invitations.
import { useState } from 'react';
import { Badge, Button, Grid, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward, IconX } from '@tabler/icons-react';
import { useInvite, useRevokeInvitation, useSentInvitations } from '../../api/invitations';
import type { GrantableRole, SentInvitation } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ListPagination, usePage } from '../../components/ListPagination';
import { QueryState } from '../../components/QueryState';
import { SecretField } from '../../components/SecretField';
import { notifyOutcome, showFormError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { EmptyRow } from '../../components/EmptyRow';

export const grantableRoles: GrantableRole[] = ['admin', 'editor', 'viewer'];

function invitationState(invitation: SentInvitation): { label: string; color: string; open: boolean } {
  if (invitation.revokedAt) return { label: 'revoked', color: 'gray', open: false };
  if (invitation.acceptedAt) return { label: 'accepted', color: 'green', open: false };
  if (new Date(invitation.expiresAt) < new Date()) return { label: 'expired', color: 'orange', open: false };
  return { label: 'pending', color: 'blue', open: true };
}

export function InvitationsSettings() {
  const { page, setPage, limit, offset } = usePage('');
  const invitations = useSentInvitations({ limit, offset });
  const revoke = useRevokeInvitation();

  return (
    <Stack>
      <InviteForm />
      <QueryState query={invitations}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={640}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Email</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>State</Table.Th>
                      <Table.Th>Sent</Table.Th>
                      <Table.Th>Expires</Table.Th>
                      <Table.Th>Invited by</Table.Th>
                      <Table.Th w={50} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((invitation) => {
                      const state = invitationState(invitation);
                      return (
                        <Table.Tr key={invitation.id}>
                          <Table.Td>{invitation.email}</Table.Td>
                          <Table.Td>{invitation.role}</Table.Td>
                          <Table.Td>
                            <Badge color={state.color} variant="light">
                              {state.label}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{formatDateTime(invitation.createdAt)}</Table.Td>
                          <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
                          <Table.Td>{invitation.invitedBy ?? '—'}</Table.Td>
                          <Table.Td>
                            {state.open && (
                              <ConfirmAction
                                label={`Revoke invitation for ${invitation.email}`}
                                title="Revoke invitation"
                                message={`The link sent to ${invitation.email} will stop working.`}
                                confirmLabel="Revoke"
                                icon={<IconX size={16} />}
                                onConfirm={() =>
                                  notifyOutcome(revoke.mutateAsync(invitation.id), 'Invitation revoked', 'Could not revoke')
                                }
                              />
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={7}>No invitations sent.</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="invitations" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function InviteForm() {
  const invite = useInvite();
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const form = useForm<{ email: string; role: GrantableRole }>({
    initialValues: { email: '', role: 'editor' },
    validate: { email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : 'Enter a valid email address') },
  });

  const submit = form.onSubmit((values) =>
    invite.mutate(
      { email: values.email.trim(), role: values.role },
      {
        onSuccess: (created) => {
          setLink({ email: created.invitation.email, url: absoluteUrl(created.link) });
          form.reset();
        },
        onError: (err) => showFormError(form, err, {}, 'Could not invite'),
      },
    ),
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Invite by email" type="email" data-testid="invite-email" {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 8, sm: 3 }}>
            <Select label="Role" data={grantableRoles} allowDeselect={false} {...form.getInputProps('role')} />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 3 }}>
            <Button type="submit" fullWidth leftSection={<IconMailForward size={16} />} loading={invite.isPending} data-testid="invite-send">
              Invite
            </Button>
          </Grid.Col>
        </Grid>
      </form>
      {link && (
        <Stack gap={4} mt="md">
          <SecretField label={`Invitation link for ${link.email}`} value={link.url} testId="invitation-link" />
          <Text size="xs" c="dimmed">
            It was also emailed. Anyone with this link can join as the invited person until it expires.
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

/** The server may answer with a path (/invite/…) or a full URL; people copy a full URL. */
function absoluteUrl(link: string): string {
  try {
    return new URL(link, window.location.origin).toString();
  } catch {
    return link;
  }
}
