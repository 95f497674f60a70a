// The requirement set in plain language, one bullet per requirement, following the form as it is edited. The
// wording is the server's own (describeRequirementSet in src/domain/requirements.ts, a pure module bundled here), so
// the preview reads exactly as the saved summary will; while the form holds something the server would refuse, the
// problems are listed and the last wording that could be made stays on screen.
import { useRef } from 'react';
import { Card, List, Text, Title } from '@mantine/core';
import type { RequirementDefinition, RequirementSet } from '../../api/types';
import { describeRequirementSet, requirementSetDefinition } from '../../../../src/domain/requirements';

interface RequirementSummaryCardProps {
  requirementSet?: RequirementSet;
  /** The definition as the form holds it now. */
  definition: RequirementDefinition;
}

type Preview = { lines: string[]; problems: string[] };

function preview(definition: RequirementDefinition): Preview {
  // an unnamed draft is still worth describing: the name is not part of the wording
  const parsed = requirementSetDefinition.safeParse({ ...definition, name: definition.name || 'Untitled' });
  if (parsed.success) return { lines: describeRequirementSet(parsed.data), problems: [] };
  return {
    lines: [],
    problems: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`),
  };
}

export function RequirementSummaryCard({ requirementSet, definition }: RequirementSummaryCardProps) {
  const current = preview(definition);
  const lastGood = useRef<string[]>(requirementSet?.summary ?? []);
  if (current.problems.length === 0) lastGood.current = current.lines;
  const lines = current.problems.length === 0 ? current.lines : lastGood.current;
  return (
    <Card withBorder data-testid="requirement-set-summary">
      <Title order={4} mb="xs">
        Plain-language summary
      </Title>
      {lines.length > 0 && (
        <List size="sm" spacing={6} data-testid="requirement-set-preview">
          {lines.map((line, index) => (
            <List.Item key={index}>{line}</List.Item>
          ))}
        </List>
      )}
      {current.problems.length > 0 && (
        <Text size="xs" c="orange.8" mt="sm" data-testid="requirement-set-preview-problems">
          Not saved as it stands: {current.problems.join('; ')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        Updates as you edit.
        {requirementSet &&
          (requirementSet.assignmentCount === 1
            ? ' Used by 1 assignment.'
            : ` Used by ${requirementSet.assignmentCount} assignments.`)}
      </Text>
    </Card>
  );
}
