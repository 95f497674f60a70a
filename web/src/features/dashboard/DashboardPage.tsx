// The first page after signing in: how many locations and insureds there are, how compliant they are (rates,
// by location, over time), and how many insureds have current, expiring, expired or missing coverage.
import { Anchor, Card, ColorSwatch, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DonutChart } from '@mantine/charts';
import { Link } from 'react-router';
import { useInsureds } from '../../api/insureds';
import { useLocations } from '../../api/locations';
import { coverageStates, type CoverageState } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { CoverageBadge, coverageStateColor, coverageStateLabels } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { ComplianceOverview } from './ComplianceOverview';

// counting only needs `total`, so each count asks for a single row
const countOnly = { limit: 1, offset: 0 };

function useCoverageCount(coverageState: CoverageState) {
  return useInsureds({ ...countOnly, status: 'active', coverageState });
}

export function DashboardPage() {
  const locations = useLocations({ ...countOnly, archived: false });
  const insureds = useInsureds({ ...countOnly, status: 'active' });
  const byState = {
    current: useCoverageCount('current'),
    expiring: useCoverageCount('expiring'),
    expired: useCoverageCount('expired'),
    missing: useCoverageCount('missing'),
  };
  // everyone expiring within the window (a short list by nature), soonest first
  const attention = useInsureds({ limit: 200, offset: 0, status: 'active', coverageState: 'expiring' });
  const soonest = [...(attention.data?.items ?? [])]
    .sort((x, y) => (x.nextExpiration ?? '').localeCompare(y.nextExpiration ?? ''))
    .slice(0, 10);

  const firstError = [locations, insureds, ...Object.values(byState)].find((q) => q.isError)?.error;
  const chartData = coverageStates.map((state) => ({
    name: coverageStateLabels[state],
    value: byState[state].data?.total ?? 0,
    color: `${coverageStateColor(state)}.6`,
  }));
  const chartReady = coverageStates.every((s) => byState[s].data) && chartData.some((d) => d.value > 0);

  return (
    <>
      <PageHeader title="Dashboard" />
      {firstError !== undefined && <ErrorAlert error={firstError} />}
      <ComplianceOverview />
      <Title order={3} mb="md">
        Coverage
      </Title>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} mb="lg">
        {/* not links: the navigation already links these lists, and two "Locations" links confuse screen readers */}
        <StatCard label="Locations" value={locations.data?.total} testId="stat-locations" />
        <StatCard label="Active insureds" value={insureds.data?.total} testId="stat-insureds" />
        {coverageStates.map((state) => (
          <StatCard
            key={state}
            label={coverageStateLabels[state]}
            value={byState[state].data?.total}
            to={`/insureds?coverageState=${state}`}
            testId={`stat-${state}`}
            color={coverageStateColor(state)}
          />
        ))}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="md">
            Coverage of active insureds
          </Title>
          {chartReady ? (
            <Group justify="center" gap="xl">
              {/* zero slices would only add stray "0" labels */}
              <DonutChart data={chartData.filter((d) => d.value > 0)} withTooltip size={180} thickness={26} />
              <Stack gap={6}>
                {chartData.map((d) => (
                  <Group key={d.name} gap="xs" wrap="nowrap">
                    <ColorSwatch color={`var(--mantine-color-${d.color.replace('.', '-')})`} size={12} />
                    <Text size="sm">
                      {d.name}: <b>{d.value}</b>
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Group>
          ) : (
            <Text c="dimmed" size="sm">
              No insureds yet. <Anchor component={Link} to="/insureds">Add an insured</Anchor> to see their coverage here.
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="md">
            Expiring soon
          </Title>
          {soonest.length > 0 ? (
            <Table>
              <Table.Tbody>
                {soonest.map((insured) => (
                  <Table.Tr key={insured.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/insureds/${insured.id}`}>
                        {insured.legalName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(insured.nextExpiration)}</Table.Td>
                    <Table.Td>
                      <CoverageBadge state={insured.coverageState} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed" size="sm">
              {attention.isPending ? 'Loading…' : 'No certificates expire in the next 30 days.'}
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}

interface StatCardProps {
  label: string;
  value: number | undefined;
  to?: string;
  testId: string;
  color?: string;
}

function StatCard({ label, value, to, testId, color }: StatCardProps) {
  const body = (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton h={32} w={48} />
      ) : (
        <Text fz={28} fw={700} c={color ? `${color}.7` : undefined}>
          {value}
        </Text>
      )}
    </Stack>
  );
  return to ? (
    <Card withBorder component={Link} to={to} data-testid={testId} style={{ textDecoration: 'none' }}>
      {body}
    </Card>
  ) : (
    <Card withBorder data-testid={testId}>
      {body}
    </Card>
  );
}
