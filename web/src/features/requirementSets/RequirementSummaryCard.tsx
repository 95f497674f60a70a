// The server's plain-language wording of a saved requirement set, one bullet per requirement.
import { Card, List, Text, Title } from '@mantine/core';
import type { RequirementSet } from '../../api/types';

interface RequirementSummaryCardProps {
  requirementSet?: RequirementSet;
  /** The form has edits the summary does not reflect yet. */
  unsaved: boolean;
}

export function RequirementSummaryCard({ requirementSet, unsaved }: RequirementSummaryCardProps) {
  const lines = requirementSet?.summary ?? [];
  return (
    <Card withBorder data-testid="requirement-set-summary">
      <Title order={4} mb="xs">
        Plain-language summary
      </Title>
      {!requirementSet ? (
        <Text size="sm" c="dimmed">
          Save the requirement set to see its requirements in plain language.
        </Text>
      ) : lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No requirements yet.
        </Text>
      ) : (
        <List size="sm" spacing={6}>
          {lines.map((line, index) => (
            <List.Item key={index}>{line}</List.Item>
          ))}
        </List>
      )}
      {requirementSet && (
        <Text size="xs" c="dimmed" mt="sm">
          {requirementSet.assignmentCount === 1
            ? 'Used by 1 assignment.'
            : `Used by ${requirementSet.assignmentCount} assignments.`}
          {unsaved && ' Describes the last saved version; save to update it.'}
        </Text>
      )}
    </Card>
  );
}
