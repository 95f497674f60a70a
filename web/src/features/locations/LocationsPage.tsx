// All locations: searchable, with archived ones behind a toggle, and a button to add one.
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useComplianceSummary } from '../../api/compliance';
import { useLocations } from '../../api/locations';
import { ListPagination, usePage } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatAddress } from '../../lib/address';
import { humanize } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { LocationComplianceCell } from './LocationComplianceCell';
import { LocationFormModal } from './LocationFormModal';
import { EmptyRow } from '../../components/EmptyRow';

export function LocationsPage() {
  const { canEdit } = usePermissions();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const { page, setPage, limit, offset } = usePage(`${q}|${archived}`);
  const locations = useLocations({ q, archived, limit, offset });
  const summary = useComplianceSummary();

  return (
    <>
      <PageHeader
        title="Locations"
        description="Sites, properties and projects that insureds work at."
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-location">
              New location
            </Button>
          )
        }
      />
      <Group mb="md" wrap="wrap">
        <TextInput
          aria-label="Search locations"
          placeholder="Search by name or code"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <Switch label="Show archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      </Group>
      <QueryState query={locations}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={760}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Code</Table.Th>
                      <Table.Th>Kind</Table.Th>
                      <Table.Th>Address</Table.Th>
                      <Table.Th ta="right">Insureds</Table.Th>
                      <Table.Th>Compliance</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((location) => (
                      <Table.Tr
                        key={location.id}
                        style={{ cursor: 'pointer' }}
                        onClick={() => navigate(`/locations/${location.id}`)}
                      >
                        <Table.Td>
                          <Anchor component={Link} to={`/locations/${location.id}`} onClick={(e) => e.stopPropagation()}>
                            {location.name}
                          </Anchor>
                          {location.archived && (
                            <Badge ml="xs" size="xs" color="gray">
                              archived
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{location.code ?? ''}</Table.Td>
                        <Table.Td>{humanize(location.kind)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={1}>
                            {formatAddress(location.address).replace(/\n/g, ', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{location.insuredCount}</Table.Td>
                        <Table.Td>
                          <LocationComplianceCell tally={summary.data?.locations.find((l) => l.locationId === location.id)} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={6}>{q ? 'No locations match your search.' : 'No locations yet.'}</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="locations" />
          </>
        )}
      </QueryState>
      <LocationFormModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
