// A requirement set in a list row: how many coverages it demands and the first lines of its plain-language summary.
import { Stack, Text } from '@mantine/core';
import type { RequirementSet } from '../../api/types';

const SHOWN = 2;

export function RequirementSummaryLines({ requirementSet }: { requirementSet: RequirementSet }) {
  const { coverageCount, summary } = requirementSet;
  // with no coverages the summary opens with "No insurance coverage required", which the count already says
  const lines = coverageCount === 0 ? summary.slice(1) : summary;
  const more = lines.length - SHOWN;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {coverageCount === 0 ? 'No coverages' : coverageCount === 1 ? '1 coverage' : `${coverageCount} coverages`}
      </Text>
      {lines.slice(0, SHOWN).map((line, index) => (
        <Text key={index} size="xs" c="dimmed" lineClamp={2}>
          {line}
        </Text>
      ))}
      {more > 0 && (
        <Text size="xs" c="dimmed">
          and {more} more
        </Text>
      )}
    </Stack>
  );
}
