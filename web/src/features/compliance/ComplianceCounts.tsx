// How many insureds are at each compliance status (each insured once, at its worst location), as tiles that filter
// the insureds list: in place on the list, or by opening it from elsewhere.
import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { complianceStatuses, useComplianceSummary, type ComplianceStatus, type StatusCounts } from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { complianceColor, complianceLabels } from './status';

interface ComplianceCountsProps {
  /** Counts to show; without them, the organization's insureds from the summary. */
  counts?: StatusCounts;
  selected?: ComplianceStatus;
  /** Clicking a tile filters in place… */
  onSelect?: (status: ComplianceStatus) => void;
  /** …or opens this address. */
  linkTo?: (status: ComplianceStatus) => string;
}

export function ComplianceCounts({ counts, selected, onSelect, linkTo }: ComplianceCountsProps) {
  const summary = useComplianceSummary();
  const shown = counts ?? summary.data?.insureds.counts;
  if (!counts && summary.isError) return <ErrorAlert error={summary.error} title="Could not load compliance counts" />;
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="xs" mb="md" data-testid="compliance-counts">
      {complianceStatuses.map((status) => {
        const body = (
          <>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} truncate>
              {complianceLabels[status]}
            </Text>
            {shown === undefined ? (
              <Skeleton h={28} w={40} />
            ) : (
              <Text fz={24} fw={700} c={`${complianceColor(status)}.7`} data-testid={`compliance-count-${status}`}>
                {shown[status] ?? 0}
              </Text>
            )}
          </>
        );
        const active = selected === status;
        const style = { borderColor: active ? `var(--mantine-color-${complianceColor(status)}-6)` : undefined, textDecoration: 'none' };
        if (linkTo) {
          return (
            <Card key={status} withBorder padding="xs" component={Link} to={linkTo(status)} style={style}>
              {body}
            </Card>
          );
        }
        return (
          <Card
            key={status}
            withBorder
            padding="xs"
            component="button"
            type="button"
            onClick={() => onSelect?.(status)}
            aria-pressed={active}
            style={{ ...style, cursor: 'pointer', textAlign: 'left' }}
          >
            {body}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
