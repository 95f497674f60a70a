// All insureds, filtered by location, compliance, coverage and status and searched by name. Filters live in the
// URL so a filtered list can be bookmarked and the dashboard can link straight to "expired". Counts per compliance
// status sit above the list and filter it when clicked.
import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Paper, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { complianceStatuses, useInsuredsWithCompliance, type ComplianceStatus } from '../../api/compliance';
import { useLocations } from '../../api/locations';
import { coverageStates, type CoverageState, type InsuredStatus } from '../../api/types';
import { ListPagination, usePage } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CoverageBadge, coverageStateLabels } from '../../components/StatusBadge';
import { formatDate, humanize } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { ComplianceBadge, complianceLabels } from '../compliance/status';
import { ComplianceCounts } from '../compliance/ComplianceCounts';
import { InsuredFormModal } from './InsuredFormModal';
import { EmptyRow } from '../../components/EmptyRow';

function asCoverageState(value: string | null): CoverageState | undefined {
  return coverageStates.find((s) => s === value);
}

function asComplianceStatus(value: string | null): ComplianceStatus | undefined {
  return complianceStatuses.find((s) => s === value);
}

export function InsuredsPage() {
  const { canEdit } = usePermissions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const locationId = params.get('locationId') ?? undefined;
  const coverageState = asCoverageState(params.get('coverageState'));
  const complianceStatus = asComplianceStatus(params.get('complianceStatus'));
  const status: InsuredStatus = params.get('status') === 'archived' ? 'archived' : 'active';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);

  const setParam = (key: string, value: string | null | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // the debounced search goes into the URL too, without a history entry per keystroke
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParam('q', q);
    // only a new debounced value should write the URL; params changes from other filters must not
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps

  const { page, setPage, limit, offset } = usePage(`${q}|${locationId}|${coverageState}|${complianceStatus}|${status}`);
  const insureds = useInsuredsWithCompliance({ q, locationId, coverageState, complianceStatus, status, limit, offset });
  const locations = useLocations({ limit: 200 });

  return (
    <>
      <PageHeader
        title="Insureds"
        description="Vendors, contractors and tenants whose certificates you track."
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-insured">
              New insured
            </Button>
          )
        }
      />
      <ComplianceCounts
        selected={complianceStatus}
        onSelect={(value) => setParam('complianceStatus', value === complianceStatus ? null : value)}
      />
      <Group mb="md" wrap="wrap" align="flex-end">
        <TextInput
          aria-label="Search insureds"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          aria-label="Filter by location"
          placeholder="All locations"
          data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={locationId ?? null}
          onChange={(v) => setParam('locationId', v)}
          searchable
          clearable
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          aria-label="Filter by compliance"
          placeholder="Any compliance"
          data={complianceStatuses.map((s) => ({ value: s, label: complianceLabels[s] }))}
          value={complianceStatus ?? null}
          onChange={(v) => setParam('complianceStatus', v)}
          clearable
          w={{ base: '100%', sm: 180 }}
          data-testid="insureds-compliance-filter"
        />
        <Select
          aria-label="Filter by coverage"
          placeholder="Any coverage"
          data={coverageStates.map((s) => ({ value: s, label: coverageStateLabels[s] }))}
          value={coverageState ?? null}
          onChange={(v) => setParam('coverageState', v)}
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        <SegmentedControl
          aria-label="Status"
          data={[
            { value: 'active', label: 'Active' },
            { value: 'archived', label: 'Archived' },
          ]}
          value={status}
          onChange={(v) => setParam('status', v === 'archived' ? v : null)}
        />
      </Group>
      <QueryState query={insureds}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={840}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Legal name</Table.Th>
                      <Table.Th>Kind</Table.Th>
                      <Table.Th>Tags</Table.Th>
                      <Table.Th ta="right">Certificates</Table.Th>
                      <Table.Th>Next expiration</Table.Th>
                      <Table.Th>Coverage</Table.Th>
                      <Table.Th>Compliance</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((insured) => (
                      <Table.Tr
                        key={insured.id}
                        style={{ cursor: 'pointer' }}
                        onClick={() => navigate(`/insureds/${insured.id}`)}
                      >
                        <Table.Td>
                          <Anchor component={Link} to={`/insureds/${insured.id}`} onClick={(e) => e.stopPropagation()}>
                            {insured.legalName}
                          </Anchor>
                          {insured.dba && (
                            <Text size="xs" c="dimmed">
                              DBA {insured.dba}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{humanize(insured.kind)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={1}>
                            {insured.tags.join(', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{insured.certificateCount}</Table.Td>
                        <Table.Td>{formatDate(insured.nextExpiration)}</Table.Td>
                        <Table.Td>
                          <CoverageBadge state={insured.coverageState} />
                        </Table.Td>
                        <Table.Td>
                          <ComplianceBadge status={insured.complianceStatus} data-testid="insured-compliance" />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={7}>{q || locationId || coverageState || complianceStatus ? 'No insureds match these filters.' : 'No insureds yet.'}</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="insureds" />
          </>
        )}
      </QueryState>
      <InsuredFormModal opened={creating} onClose={() => setCreating(false)} locationId={locationId} />
    </>
  );
}
