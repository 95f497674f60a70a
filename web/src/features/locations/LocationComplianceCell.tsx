// A location's compliance in a list row: the share meeting requirements and how many do not, by status.
import { Badge, Group, Text } from '@mantine/core';
import type { ComplianceStatus, Tally } from '../../api/compliance';
import { complianceColor, complianceLabels, formatRate } from '../compliance/status';

const failing: ComplianceStatus[] = ['missing', 'expired', 'non_compliant', 'pending_review'];

export function LocationComplianceCell({ tally }: { tally: Tally | undefined }) {
  if (!tally || tally.total === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      <Text size="sm" fw={600} mr={4}>
        {formatRate(tally.rate)}
      </Text>
      {failing
        .filter((s) => tally.counts[s] > 0)
        .map((s) => (
          <Badge key={s} size="xs" variant="light" color={complianceColor(s)} miw="fit-content">
            {tally.counts[s]} {complianceLabels[s].toLowerCase()}
          </Badge>
        ))}
    </Group>
  );
}
