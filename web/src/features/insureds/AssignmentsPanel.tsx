// The locations tab: where the insured works, and which requirement set applies at each location.
import { useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Table } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAssignments, useCreateAssignment, useDeleteAssignment, useUpdateAssignment } from '../../api/assignments';
import { useLocations } from '../../api/locations';
import { useRequirementSets } from '../../api/requirementSets';
import { ConfirmAction } from '../../components/ConfirmAction';
import { QueryState } from '../../components/QueryState';
import { notifyError, notifyOutcome, notifySuccess } from '../../lib/errors';
import { usePermissions } from '../auth/session';
import { EmptyRow } from '../../components/EmptyRow';

export function AssignmentsPanel({ insuredId }: { insuredId: string }) {
  const { canEdit } = usePermissions();
  const assignments = useAssignments(insuredId);
  const requirementSets = useRequirementSets({ limit: 200 });
  const update = useUpdateAssignment();
  const remove = useDeleteAssignment();
  const requirementOptions = (requirementSets.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));

  return (
    <Stack>
      {canEdit && (
        <AddAssignment
          insuredId={insuredId}
          assignedLocationIds={(assignments.data ?? []).map((a) => a.locationId)}
          requirementOptions={requirementOptions}
        />
      )}
      <QueryState query={assignments}>
        {(items) => (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Location</Table.Th>
                    <Table.Th>Requirement set</Table.Th>
                    {canEdit && <Table.Th w={50} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((assignment) => (
                    <Table.Tr key={assignment.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/locations/${assignment.locationId}`}>
                          {assignment.locationName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {canEdit ? (
                          <Select
                            aria-label={`Requirement set at ${assignment.locationName}`}
                            placeholder="None"
                            data={requirementOptions}
                            value={assignment.requirementSetId}
                            clearable
                            size="xs"
                            maw={280}
                            onChange={(requirementSetId) =>
                              update.mutate(
                                { id: assignment.id, requirementSetId },
                                {
                                  onSuccess: () => notifySuccess('Requirement set changed'),
                                  onError: (err) => notifyError(err),
                                },
                              )
                            }
                          />
                        ) : (
                          (assignment.requirementSetName ?? '—')
                        )}
                      </Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <ConfirmAction
                            label={`Remove from ${assignment.locationName}`}
                            title="Remove from location"
                            message={`Stop tracking this insured at ${assignment.locationName}?`}
                            confirmLabel="Remove"
                            icon={<IconTrash size={16} />}
                            onConfirm={() =>
                              notifyOutcome(remove.mutateAsync(assignment.id), 'Removed from location', 'Could not remove')
                            }
                          />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                  {items.length === 0 && (
                    <EmptyRow colSpan={canEdit ? 3 : 2}>Not assigned to any location.</EmptyRow>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}

interface AddAssignmentProps {
  insuredId: string;
  assignedLocationIds: string[];
  requirementOptions: { value: string; label: string }[];
}

function AddAssignment({ insuredId, assignedLocationIds, requirementOptions }: AddAssignmentProps) {
  const locations = useLocations({ archived: false, limit: 200 });
  const create = useCreateAssignment();
  const [locationId, setLocationId] = useState<string | null>(null);
  const [requirementSetId, setRequirementSetId] = useState<string | null>(null);
  const locationOptions = (locations.data?.items ?? [])
    .filter((l) => !assignedLocationIds.includes(l.id))
    .map((l) => ({ value: l.id, label: l.name }));

  const add = () => {
    if (!locationId) return;
    create.mutate(
      { insuredId, locationId, requirementSetId },
      {
        onSuccess: () => {
          notifySuccess('Assigned to location');
          setLocationId(null);
          setRequirementSetId(null);
        },
        onError: (err) => notifyError(err, 'Could not assign'),
      },
    );
  };

  return (
    <Paper withBorder p="sm">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Location"
          placeholder={locationOptions.length ? 'Choose a location' : 'No other locations'}
          data={locationOptions}
          value={locationId}
          onChange={setLocationId}
          searchable
          w={{ base: '100%', sm: 260 }}
          data-testid="assignment-location"
        />
        <Select
          label="Requirement set"
          placeholder="None"
          data={requirementOptions}
          value={requirementSetId}
          onChange={setRequirementSetId}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
        <Button onClick={add} disabled={!locationId} loading={create.isPending} data-testid="assignment-add">
          Assign
        </Button>
      </Group>
    </Paper>
  );
}
