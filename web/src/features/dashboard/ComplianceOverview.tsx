// The dashboard's compliance section: the organization's rate, the rate at each location, the rate over time,
// and insured counts per status that open the insureds list filtered to that status.
import { Anchor, Button, Card, Group, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { Link } from 'react-router';
import { useComplianceSummary, useReevaluate, type ComplianceSummary } from '../../api/compliance';
import { QueryState } from '../../components/QueryState';
import { ComplianceCounts } from '../compliance/ComplianceCounts';
import { formatRate } from '../compliance/status';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { usePermissions } from '../auth/session';

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export function ComplianceOverview() {
  const summary = useComplianceSummary(90);
  const { canAdmin } = usePermissions();
  const reevaluate = useReevaluate();
  // statuses follow every change and a daily sweep; this is for after an outage or a bulk fix in the database
  const recheck = () =>
    reevaluate.mutate(undefined, {
      onSuccess: (r) => notifySuccess(`Checked ${r.evaluated} insured-at-location pair${r.evaluated === 1 ? '' : 's'}; ${r.changed} changed`),
      onError: (err) => notifyError(err, 'Could not re-check'),
    });
  return (
    <Stack gap="md" mb="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>Compliance</Title>
        {canAdmin && (
          <Button variant="subtle" size="xs" onClick={recheck} loading={reevaluate.isPending}>
            Re-check all now
          </Button>
        )}
      </Group>
      <QueryState query={summary} errorTitle="Could not load compliance">
        {(data) => <Overview summary={data} />}
      </QueryState>
    </Stack>
  );
}

function Overview({ summary }: { summary: ComplianceSummary }) {
  const { organization, insureds, locations, history } = summary;
  if (organization.total === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing to check yet: assign insureds to <Anchor component={Link} to="/locations">locations</Anchor> with a{' '}
        <Anchor component={Link} to="/requirement-sets">requirement set</Anchor> to see who is compliant.
      </Text>
    );
  }
  const locationData = locations
    .filter((l) => l.total > 0)
    .map((l) => ({ name: l.name, Compliant: percent(l.rate) ?? 0 }));
  const historyData = history.filter((h) => h.rate !== null).map((h) => ({ day: formatDate(h.day), Compliant: percent(h.rate) }));
  return (
    <>
      <ComplianceCounts counts={insureds.counts} linkTo={(status) => `/insureds?complianceStatus=${status}`} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            Compliance rate
          </Title>
          <Group justify="center" wrap="wrap" gap="lg">
            <RingProgress
              size={140}
              thickness={14}
              sections={[{ value: (organization.rate ?? 0) * 100, color: 'green' }]}
              label={
                <Text ta="center" fz={24} fw={700} data-testid="compliance-rate">
                  {formatRate(organization.rate)}
                </Text>
              }
            />
            <Stack gap={4}>
              <Text size="sm">
                <b>{insureds.counts.compliant + insureds.counts.expiring}</b> of <b>{insureds.total}</b> insureds meet their
                requirements
              </Text>
              <Text size="sm" c="dimmed">
                {organization.total} insured-at-location checks, {formatRate(organization.rate)} passing
              </Text>
              <Text size="xs" c="dimmed">
                As of {formatDate(summary.asOf)}
              </Text>
            </Stack>
          </Group>
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            By location
          </Title>
          {locationData.length > 0 ? (
            <BarChart
              h={Math.max(120, locationData.length * 36)}
              data={locationData}
              dataKey="name"
              orientation="vertical"
              series={[{ name: 'Compliant', color: 'green.6' }]}
              yAxisProps={{ width: 110 }}
              xAxisProps={{ domain: [0, 100] }}
              valueFormatter={(v) => `${v}%`}
              gridAxis="x"
            />
          ) : (
            <Text size="sm" c="dimmed">
              No location has insureds with requirements yet.
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Over the last 90 days
          </Title>
          {historyData.length > 1 ? (
            <LineChart
              h={180}
              data={historyData}
              dataKey="day"
              series={[{ name: 'Compliant', color: 'green.6' }]}
              yAxisProps={{ domain: [0, 100] }}
              valueFormatter={(v) => `${v}%`}
              curveType="linear"
              withDots={historyData.length < 20}
            />
          ) : (
            <Text size="sm" c="dimmed">
              The daily check records the rate once a day; the line appears after two days of history.
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}
