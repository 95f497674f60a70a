// A location's compliance: how many of its insureds are at each status, and each insured's status with the first
// thing that still falls short.
import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { complianceStatuses, useComplianceStatuses, useComplianceSummary, type ComplianceStatus } from '../../api/compliance';
import { EmptyRow } from '../../components/EmptyRow';
import { ListPagination, usePage } from '../../components/ListPagination';
import { QueryState } from '../../components/QueryState';
import { ComplianceCounts } from '../compliance/ComplianceCounts';
import { ComplianceBadge, complianceLabels, formatDay, formatRate } from '../compliance/status';

const noCounts = Object.fromEntries(complianceStatuses.map((s) => [s, 0])) as Record<ComplianceStatus, number>;

export function LocationCompliance({ locationId }: { locationId: string }) {
  const summary = useComplianceSummary();
  const [status, setStatus] = useState<ComplianceStatus | undefined>();
  const { page, setPage, limit, offset } = usePage(`${locationId}|${status}`);
  const statuses = useComplianceStatuses({ locationId, status, limit, offset });
  const tally = summary.data?.locations.find((l) => l.locationId === locationId);

  return (
    <Stack gap="xs" mb="lg" data-testid="location-compliance">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>Compliance at this location</Text>
        {tally && (
          <Text size="sm" c="dimmed">
            {formatRate(tally.rate)} meeting requirements ({tally.total} insured{tally.total === 1 ? '' : 's'})
          </Text>
        )}
      </Group>
      {summary.data && (
        <ComplianceCounts counts={tally?.counts ?? noCounts} selected={status} onSelect={(s) => setStatus(s === status ? undefined : s)} />
      )}
      {status && (
        <Anchor component="button" type="button" size="sm" onClick={() => setStatus(undefined)} style={{ alignSelf: 'flex-start' }}>
          Showing {complianceLabels[status].toLowerCase()} only · show all
        </Anchor>
      )}
      <QueryState query={statuses}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={640}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Insured</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Requirement set</Table.Th>
                      <Table.Th>What falls short</Table.Th>
                      <Table.Th>Since</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((row) => {
                      const open = row.findings.filter((f) => !f.waived);
                      return (
                        <Table.Tr key={row.insuredId} data-testid="location-compliance-row">
                          <Table.Td>
                            <Anchor component={Link} to={`/insureds/${row.insuredId}`}>
                              {row.insuredName}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            <ComplianceBadge status={row.status} />
                          </Table.Td>
                          <Table.Td>{row.requirementSetName ?? '—'}</Table.Td>
                          <Table.Td>
                            <Text size="sm" lineClamp={2}>
                              {open[0]?.message ?? 'Nothing'}
                            </Text>
                            {open.length > 1 && (
                              <Text size="xs" c="dimmed">
                                and {open.length - 1} more
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{formatDay(row.since)}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={5}>{status ? 'No insureds here at this status.' : 'No insureds are assigned here yet.'}</EmptyRow>
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
