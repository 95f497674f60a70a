// Members of the organization: their roles, changeable by admins, and removal.
import { Paper, Select, Table, Text } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useMembers, useRemoveMember, useUpdateMemberRole } from '../../api/members';
import { roles, type Member, type Role } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ListPagination, usePage } from '../../components/ListPagination';
import { QueryState } from '../../components/QueryState';
import { RoleBadge } from '../../components/StatusBadge';
import { notifyError, notifyOutcome, notifySuccess } from '../../lib/errors';
import { formatDate, withArticle } from '../../lib/format';
import { useSession } from '../auth/session';

export function MembersSettings() {
  const { session, permissions } = useSession();
  const { page, setPage, limit, offset } = usePage('');
  const members = useMembers({ limit, offset });
  const updateRole = useUpdateMemberRole();
  const remove = useRemoveMember();
  // only an owner may make someone else an owner
  const assignable = roles.filter((r) => r !== 'owner' || permissions.isOwner);

  const changeRole = (member: Member, role: Role) =>
    updateRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => notifySuccess(`${member.name} is now ${withArticle(role)}`),
        onError: (err) => notifyError(err, 'Could not change the role'),
      },
    );

  return (
    <QueryState query={members}>
      {(data) => (
        <>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Member since</Table.Th>
                    {permissions.canAdmin && <Table.Th w={50} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((member) => {
                    const isSelf = member.userId === session?.user.id;
                    // admins cannot change owners; nobody changes their own role here
                    const editable = permissions.canAdmin && !isSelf && (member.role !== 'owner' || permissions.isOwner);
                    return (
                      <Table.Tr key={member.userId}>
                        <Table.Td>
                          {member.name}
                          {isSelf && (
                            <Text span c="dimmed" size="xs">
                              {' '}
                              (you)
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{member.email}</Table.Td>
                        <Table.Td>
                          {editable ? (
                            <Select
                              aria-label={`Role of ${member.name}`}
                              data={assignable}
                              value={member.role}
                              allowDeselect={false}
                              size="xs"
                              w={120}
                              onChange={(role) => role && role !== member.role && changeRole(member, role as Role)}
                            />
                          ) : (
                            <RoleBadge role={member.role} />
                          )}
                        </Table.Td>
                        <Table.Td>{formatDate(member.createdAt)}</Table.Td>
                        {permissions.canAdmin && (
                          <Table.Td>
                            {editable && (
                              <ConfirmAction
                                label={`Remove ${member.name}`}
                                title="Remove member"
                                message={`Remove ${member.name} (${member.email}) from this organization?`}
                                confirmLabel="Remove"
                                icon={<IconUserMinus size={16} />}
                                onConfirm={() =>
                                  notifyOutcome(remove.mutateAsync(member.userId), `${member.name} removed`, 'Could not remove')
                                }
                              />
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="members" />
        </>
      )}
    </QueryState>
  );
}
