// "Who was compliant on date D?": each insured at each location as it stood at the end of that day (the
// organization's day), with the certificates that satisfied the requirements then, exportable as CSV for an auditor.
import { useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { certificateLabel, useComplianceAsOf } from '../../api/compliance';
import { saveBlob } from '../../api/files';
import { useLocations } from '../../api/locations';
import { DateField } from '../../components/DateField';
import { EmptyRow } from '../../components/EmptyRow';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { reportCsv } from './reportCsv';
import { ComplianceBadge, formatDay } from './status';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const meets = (status: string) => status === 'compliant' || status === 'expiring';

export function ComplianceReportPage() {
  // date and location live in the URL, so a report can be bookmarked or sent to a colleague
  const [params, setParams] = useSearchParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : today();
  const locationId = params.get('locationId');
  const [onlyFailing, setOnlyFailing] = useState(false);
  const report = useComplianceAsOf(date, locationId);
  const locations = useLocations({ limit: 200 });

  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const exportCsv = () => {
    if (!report.data) return;
    const where = locationId ? (locations.data?.items.find((l) => l.id === locationId)?.name ?? 'location') : 'all-locations';
    const name = `compliance-${report.data.date}-${where.replace(/[^\w.-]+/g, '-').toLowerCase()}.csv`;
    saveBlob(new Blob([reportCsv(report.data.date, report.data.items, window.location.origin)], { type: 'text/csv;charset=utf-8' }), name);
  };

  return (
    <>
      <PageHeader
        title="Compliance report"
        description="Who met their requirements at the end of a given day, and with which certificates."
        actions={
          <Button leftSection={<IconDownload size={16} />} variant="default" onClick={exportCsv} disabled={!report.data} data-testid="report-export">
            Export CSV
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <DateField
          label="Date"
          value={date}
          onChange={(v) => set('date', v)}
          clearable={false}
          maxDate={today()}
          w={{ base: '100%', sm: 180 }}
          data-testid="report-date"
        />
        <Select
          label="Location"
          placeholder="All locations"
          data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={(v) => set('locationId', v)}
          searchable
          clearable
          w={{ base: '100%', sm: 240 }}
        />
        <Button variant={onlyFailing ? 'filled' : 'default'} onClick={() => setOnlyFailing((v) => !v)} aria-pressed={onlyFailing}>
          Only those not meeting requirements
        </Button>
      </Group>
      <QueryState query={report}>
        {(data) => {
          const passing = data.items.filter((r) => meets(r.status)).length;
          const rows = onlyFailing ? data.items.filter((r) => !meets(r.status)) : data.items;
          return (
            <Stack gap="xs">
              <Text size="sm" data-testid="report-tally">
                On {formatDate(data.date)}: <b>{passing}</b> of <b>{data.items.length}</b> insured-at-location checks met their
                requirements.
              </Text>
              <Paper withBorder>
                <Table.ScrollContainer minWidth={760}>
                  <Table data-testid="report-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Insured</Table.Th>
                        <Table.Th>Location</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th>Since</Table.Th>
                        <Table.Th>Certificates</Table.Th>
                        <Table.Th>What fell short</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((row) => {
                        const open = row.findings.filter((f) => !f.waived);
                        return (
                          <Table.Tr key={`${row.insuredId}|${row.locationId}`} data-testid="report-row">
                            <Table.Td>
                              <Anchor component={Link} to={`/insureds/${row.insuredId}`}>
                                {row.insuredName}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>{row.locationName}</Table.Td>
                            <Table.Td>
                              <ComplianceBadge status={row.status} />
                            </Table.Td>
                            <Table.Td>{formatDay(row.since)}</Table.Td>
                            <Table.Td>
                              {row.certificates.length === 0 ? (
                                <Text size="sm" c="dimmed">
                                  None
                                </Text>
                              ) : (
                                <Stack gap={0}>
                                  {row.certificates.map((c, index) =>
                                    c.deleted ? (
                                      <Text key={c.id} size="sm" c="dimmed">
                                        {certificateLabel(c, index)}
                                      </Text>
                                    ) : (
                                      <Anchor key={c.id} component={Link} to={`/certificates/${c.id}`} size="sm">
                                        {certificateLabel(c, index)}
                                      </Anchor>
                                    ),
                                  )}
                                </Stack>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm" lineClamp={3}>
                                {open.map((f) => f.message).join(' ') || '—'}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                      {rows.length === 0 && (
                        <EmptyRow colSpan={6}>
                          {data.items.length === 0 ? 'No insured had requirements to meet on that day.' : 'Everyone met their requirements on that day.'}
                        </EmptyRow>
                      )}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
