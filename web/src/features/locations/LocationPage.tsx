// One location: its details, its compliance (counts and each insured's status), the insureds assigned there with
// their coverage, and its overrides of the requirement sets applied there.
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useInsureds } from '../../api/insureds';
import { useDeleteLocation, useLocationDetail } from '../../api/locations';
import type { Location } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ListPagination, usePage } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CoverageBadge } from '../../components/StatusBadge';
import { formatAddress } from '../../lib/address';
import { notifyOutcome } from '../../lib/errors';
import { formatDate, humanize } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { LocationCompliance } from './LocationCompliance';
import { LocationFormModal } from './LocationFormModal';
import { RequirementOverrides } from './RequirementOverrides';

export function LocationPage() {
  const { locationId = '' } = useParams();
  const location = useLocationDetail(locationId);
  return <QueryState query={location}>{(data) => <LocationDetail location={data} />}</QueryState>;
}

function LocationDetail({ location }: { location: Location }) {
  const { canEdit } = usePermissions();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteLocation();
  const navigate = useNavigate();

  const onDelete = () =>
    notifyOutcome(remove.mutateAsync(location.id), 'Location deleted', 'Could not delete').then(() => navigate('/locations'));

  return (
    <>
      <PageHeader
        title={location.name}
        badge={location.archived && <Badge color="gray">archived</Badge>}
        description={
          <Anchor component={Link} to="/locations" size="sm">
            ← All locations
          </Anchor>
        }
        actions={
          canEdit && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
              <ConfirmAction
                label="Delete"
                title="Delete location"
                message={`Delete “${location.name}”? Its assignments are removed too. Archiving keeps the history instead.`}
                onConfirm={onDelete}
                buttonProps={{ leftSection: <IconTrash size={16} /> }}
              />
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="lg">
        <Fact label="Code" value={location.code ?? '—'} />
        <Fact label="Kind" value={humanize(location.kind)} />
        <Fact label="Active" value={activePeriod(location)} />
        <Fact label="Address" value={formatAddress(location.address) || '—'} />
      </SimpleGrid>
      <LocationCompliance locationId={location.id} />
      <AssignedInsureds location={location} />
      <RequirementOverrides locationId={location.id} />
      <LocationFormModal opened={editing} onClose={() => setEditing(false)} location={location} />
    </>
  );
}

function activePeriod({ activeFrom, activeTo }: Location): string {
  if (activeFrom && activeTo) return `${formatDate(activeFrom)} – ${formatDate(activeTo)}`;
  if (activeFrom) return `From ${formatDate(activeFrom)}`;
  if (activeTo) return `Until ${formatDate(activeTo)}`;
  return 'No dates set';
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {value}
      </Text>
    </Card>
  );
}

function AssignedInsureds({ location }: { location: Location }) {
  const { page, setPage, limit, offset } = usePage(location.id);
  const insureds = useInsureds({ locationId: location.id, limit, offset });
  return (
    <Stack gap="xs" mb="lg">
      <Text fw={600}>Insureds at this location</Text>
      <QueryState query={insureds}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={520}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Insured</Table.Th>
                      <Table.Th>Kind</Table.Th>
                      <Table.Th>Next expiration</Table.Th>
                      <Table.Th>Coverage</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((insured) => (
                      <Table.Tr key={insured.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/insureds/${insured.id}`}>
                            {insured.legalName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{humanize(insured.kind)}</Table.Td>
                        <Table.Td>{formatDate(insured.nextExpiration)}</Table.Td>
                        <Table.Td>
                          <CoverageBadge state={insured.coverageState} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    {data.items.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={4}>
                          <Group justify="center" py="md">
                            <Text c="dimmed" size="sm">
                              No insureds are assigned here yet. Assign one from its page, under Locations.
                            </Text>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="insureds" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
