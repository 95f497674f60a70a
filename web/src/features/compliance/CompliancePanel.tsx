// The top of an insured's page: at each location its status, what falls short in plain sentences (waived ones
// marked with the waiver's reason), which certificate satisfied each coverage, the waivers, and a status timeline.
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, List, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconCircleCheck, IconAlertCircle, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import {
  useInsuredCompliance,
  useRevokeWaiver,
  useWaivers,
  type ComplianceHistoryEntry,
  type ComplianceRow,
  type Finding,
  type Waiver,
} from '../../api/compliance';
import { ConfirmAction } from '../../components/ConfirmAction';
import { QueryState } from '../../components/QueryState';
import { coverageLabel, limitLabel } from '../../lib/coverage';
import { notifyOutcome } from '../../lib/errors';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { ComplianceBadge, complianceColor, complianceLabel, describeCause, formatDay } from './status';
import { WaiveFindingModal } from './WaiveFindingModal';

/** The waiver that marks this finding (the server names it). */
function waiversFor(finding: Finding, waivers: Waiver[]): Waiver[] {
  return finding.waiverId ? waivers.filter((w) => w.id === finding.waiverId) : [];
}

/** "Limit below minimum · General liability · Each occurrence": what a waiver (or finding) is about. */
export function findingSubject(f: { code: string; coverage?: string | null; description?: string | null; limit?: string | null }): string {
  const coverage = f.coverage === 'other' && f.description ? f.description : f.coverage ? coverageLabel(f.coverage) : null;
  return [humanize(f.code), coverage, f.limit ? limitLabel(f.limit) : null].filter(Boolean).join(' · ');
}

export function CompliancePanel({ insuredId }: { insuredId: string }) {
  const compliance = useInsuredCompliance(insuredId);
  const waivers = useWaivers(insuredId);
  const [target, setTarget] = useState<{ finding: Finding; row: ComplianceRow } | null>(null);

  return (
    <Card withBorder mb="lg" data-testid="compliance-panel">
      <QueryState query={compliance} errorTitle="Could not load compliance">
        {(data) => {
          const locationNames = new Map(data.locations.map((l) => [l.locationId, l.locationName]));
          const activeWaivers = (waivers.data ?? []).filter((w) => w.active);
          return (
            <Stack>
              <Group justify="space-between" wrap="wrap">
                <Title order={4}>Compliance</Title>
                <ComplianceBadge status={data.status} size="lg" data-testid="compliance-status" />
              </Group>
              {data.locations.length === 0 && (
                <Text size="sm" c="dimmed">
                  Not assigned to any location, so there are no requirements to check. Assign it to a location with a
                  requirement set under Locations.
                </Text>
              )}
              {data.locations.map((row) => (
                <LocationCompliance key={row.locationId} row={row} waivers={activeWaivers} onWaive={(finding) => setTarget({ finding, row })} />
              ))}
              <WaiverList waivers={waivers.data ?? []} locationNames={locationNames} />
              <ComplianceTimeline history={data.history} />
            </Stack>
          );
        }}
      </QueryState>
      <WaiveFindingModal insuredId={insuredId} target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

function LocationCompliance({ row, waivers, onWaive }: { row: ComplianceRow; waivers: Waiver[]; onWaive: (finding: Finding) => void }) {
  const { canAdmin } = usePermissions();
  // what still counts first; waived findings stay listed below them
  const findings = [...row.findings].sort((a, b) => Number(Boolean(a.waived)) - Number(Boolean(b.waived)));
  return (
    <Paper withBorder p="sm" data-testid="compliance-location">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Anchor component={Link} to={`/locations/${row.locationId}`} fw={600}>
              {row.locationName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {row.requirementSetId ? (
                <>
                  Requirement set{' '}
                  <Anchor component={Link} to={`/requirement-sets/${row.requirementSetId}`} size="xs">
                    {row.requirementSetName}
                  </Anchor>
                </>
              ) : (
                'No requirement set'
              )}
              {` · ${complianceLabel(row.status).toLowerCase()} since ${formatDay(row.since)}`}
            </Text>
          </Stack>
          <ComplianceBadge status={row.status} data-testid="compliance-location-status" />
        </Group>

        {findings.length === 0 ? (
          row.status === 'pending_review' ? (
            <Text size="sm">A certificate awaits review. Once it is confirmed, it is checked against the requirements.</Text>
          ) : (
            <Group gap="xs" wrap="nowrap">
              <IconCircleCheck size={18} color="var(--mantine-color-green-7)" />
              <Text size="sm">{row.requirementSetId ? 'Meets every requirement.' : 'No requirement set applies here.'}</Text>
            </Group>
          )
        ) : (
          <List spacing="xs" size="sm" listStyleType="none" data-testid="compliance-findings">
            {findings.map((finding, index) => {
              const matched = finding.waived ? waiversFor(finding, waivers) : [];
              return (
                <List.Item key={index} data-testid="compliance-finding" data-waived={finding.waived ? 'true' : undefined}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Group gap="xs" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
                      {finding.waived ? (
                        <IconShieldCheck size={18} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
                      ) : (
                        <IconAlertCircle size={18} color={`var(--mantine-color-${complianceColor(row.status)}-7)`} style={{ flexShrink: 0, marginTop: 2 }} />
                      )}
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text size="sm" c={finding.waived ? 'dimmed' : undefined}>
                          {finding.message}
                        </Text>
                        {finding.waived && (
                          <Text size="xs" c="dimmed" data-testid="compliance-waived-note">
                            <Badge size="xs" color="gray" variant="outline" mr={6}>
                              Waived
                            </Badge>
                            {matched.length > 0
                              ? matched.map((w) => `${w.reason}${w.expiresOn ? ` (until ${formatDate(w.expiresOn)})` : ''}`).join('; ')
                              : 'Accepted by a waiver; it does not count toward the status.'}
                          </Text>
                        )}
                      </Stack>
                    </Group>
                    {canAdmin && !finding.waived && (
                      <Button size="compact-xs" variant="light" onClick={() => onWaive(finding)} data-testid="compliance-waive" style={{ flexShrink: 0 }}>
                        Waive
                      </Button>
                    )}
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}

        {row.coverages.length > 0 && (
          <Table.ScrollContainer minWidth={460}>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Coverage</Table.Th>
                  <Table.Th>Policy</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Certificate</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {row.coverages.map((c, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{c.coverage === 'other' && c.description ? c.description : coverageLabel(c.coverage)}</Table.Td>
                    <Table.Td>{c.policyNumber ?? '—'}</Table.Td>
                    <Table.Td>{formatDate(c.expirationDate)}</Table.Td>
                    <Table.Td>
                      {c.certificateId ? (
                        <Anchor component={Link} to={`/certificates/${c.certificateId}`} size="sm">
                          View certificate
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          None on file
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function waiverState(w: Waiver): { label: string; color: string } {
  if (w.active) return { label: 'Active', color: 'green' };
  if (w.revokedAt) return { label: 'Revoked', color: 'gray' };
  return { label: 'Lapsed', color: 'gray' };
}

function WaiverList({ waivers, locationNames }: { waivers: Waiver[]; locationNames: Map<string, string> }) {
  const { canAdmin } = usePermissions();
  const revoke = useRevokeWaiver();
  if (waivers.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        Waivers
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" data-testid="waiver-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Finding</Table.Th>
              <Table.Th>Where</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Until</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>State</Table.Th>
              {canAdmin && <Table.Th w={90} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waivers.map((w) => {
              const state = waiverState(w);
              return (
                <Table.Tr key={w.id}>
                  <Table.Td>{findingSubject(w)}</Table.Td>
                  <Table.Td>{w.locationId ? (locationNames.get(w.locationId) ?? 'A former location') : 'All locations'}</Table.Td>
                  <Table.Td>{w.reason}</Table.Td>
                  <Table.Td>{w.expiresOn ? formatDate(w.expiresOn) : 'Until revoked'}</Table.Td>
                  <Table.Td>
                    {w.createdBy?.name ?? '—'}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(w.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 90 }}>
                    <Badge color={state.color} variant="light" size="sm">
                      {state.label}
                    </Badge>
                  </Table.Td>
                  {canAdmin && (
                    <Table.Td>
                      {w.active && (
                        <ConfirmAction
                          label="Revoke"
                          title="Revoke waiver"
                          message={`Revoke the waiver for “${findingSubject(w)}”? The finding counts toward the status again.`}
                          buttonProps={{ size: 'compact-xs' }}
                          onConfirm={() => notifyOutcome(revoke.mutateAsync(w.id), 'Waiver revoked', 'Could not revoke')}
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
    </Stack>
  );
}

const SHOWN_HISTORY = 6;

function ComplianceTimeline({ history }: { history: ComplianceHistoryEntry[] }) {
  const [all, setAll] = useState(false);
  if (history.length === 0) return null;
  const sorted = [...history].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  const shown = all ? sorted : sorted.slice(0, SHOWN_HISTORY);
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        Status history
      </Text>
      <Timeline bulletSize={14} lineWidth={2} data-testid="compliance-history">
        {shown.map((entry, index) => {
          const cause = describeCause(entry.cause);
          return (
            <Timeline.Item
              key={index}
              color={complianceColor(entry.status)}
              title={
                <Text size="sm" fw={500}>
                  {entry.locationName}: {entry.previousStatus ? `${complianceLabel(entry.previousStatus)} → ` : ''}
                  {complianceLabel(entry.status)}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.changedAt)} · {cause.text}
                {cause.certificateId && (
                  <>
                    {' '}
                    (
                    <Anchor component={Link} to={`/certificates/${cause.certificateId}`} size="xs">
                      view
                    </Anchor>
                    )
                  </>
                )}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {sorted.length > SHOWN_HISTORY && (
        <Button variant="subtle" size="compact-xs" onClick={() => setAll((v) => !v)} style={{ alignSelf: 'flex-start' }}>
          {all ? 'Show fewer' : `Show all ${sorted.length} changes`}
        </Button>
      )}
    </Stack>
  );
}
