// The coverages a requirement set demands: type, minimum limits and required endorsements.
import { Button, Card, Checkbox, Grid, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { coverageTypes, type CoverageType } from '../../api/types';
import { coverageLabel, limitKeysByCoverage, limitLabel } from '../../lib/coverage';
import { coverageFormValues, type RequirementFormValues } from './requirementForm';

type Form = UseFormReturnType<RequirementFormValues>;

export function CoverageRequirementsEditor({ form }: { form: Form }) {
  return (
    <Stack>
      {form.values.coverages.map((coverage, index) => (
        <CoverageCard key={coverage.key} form={form} index={index} />
      ))}
      {form.values.coverages.length === 0 && (
        <Text c="dimmed" size="sm">
          No coverages required yet.
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem('coverages', coverageFormValues())}
          data-testid="requirement-add-coverage"
        >
          Add coverage
        </Button>
      </Group>
    </Stack>
  );
}

function CoverageCard({ form, index }: { form: Form; index: number }) {
  const entry = form.values.coverages[index];
  const path = `coverages.${index}` as const;
  if (!entry) return null;
  const knownKeys = limitKeysByCoverage[entry.coverage];
  // keys outside the standard list (e.g. "other" coverages' each_claim) stay visible
  const keys = [...knownKeys, ...Object.keys(entry.limits).filter((k) => !knownKeys.includes(k))];
  const label = coverageLabel(entry.coverage);

  return (
    <Card withBorder>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Coverage type"
            data={coverageTypes.map((c) => ({ value: c, label: coverageLabel(c) }))}
            allowDeselect={false}
            value={entry.coverage}
            error={form.errors[`${path}.coverage`]}
            onChange={(v) => v && form.setFieldValue(`${path}.coverage`, v as CoverageType)}
          />
        </Grid.Col>
        {entry.coverage === 'other' && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Coverage description"
              description="Matched against the policy's printed coverage, e.g. Professional Liability"
              {...form.getInputProps(`${path}.description`)}
            />
          </Grid.Col>
        )}
      </Grid>
      <Text size="sm" fw={600} mt="md" mb={4}>
        Minimum limits
      </Text>
      <Grid gap="sm">
        {keys.map((key) => (
          <Grid.Col key={key} span={{ base: 12, sm: 6, md: 4 }}>
            <NumberInput
              label={limitLabel(key)}
              aria-label={`${label} ${limitLabel(key)}`}
              placeholder="No minimum"
              prefix="$"
              thousandSeparator=","
              allowDecimal={false}
              allowNegative={false}
              hideControls
              value={entry.limits[key] ?? ''}
              error={form.errors[`${path}.limits.${key}`]}
              onChange={(v) => {
                form.clearFieldError(`${path}.limits.${key}`);
                form.setFieldValue(`${path}.limits`, { ...entry.limits, [key]: v });
              }}
            />
          </Grid.Col>
        ))}
        {keys.length === 0 && (
          <Grid.Col span={12}>
            <Text size="xs" c="dimmed">
              Limits for other coverages can be set in the raw JSON (e.g. "each_claim").
            </Text>
          </Grid.Col>
        )}
      </Grid>
      {[form.errors[path], form.errors[`${path}.limits`]].map(
        (error, i) =>
          error && (
            <Text key={i} size="sm" c="red" mt="xs" role="alert">
              {error}
            </Text>
          ),
      )}
      <Group mt="md" justify="space-between" wrap="wrap">
        <Group gap="lg">
          <Checkbox label="Additional insured" {...form.getInputProps(`${path}.additionalInsured`, { type: 'checkbox' })} />
          <Checkbox label="Waiver of subrogation" {...form.getInputProps(`${path}.subrogationWaived`, { type: 'checkbox' })} />
          <Checkbox
            label="Primary & non-contributory"
            {...form.getInputProps(`${path}.primaryNonContributory`, { type: 'checkbox' })}
          />
        </Group>
        <Button
          size="xs"
          color="red"
          variant="subtle"
          leftSection={<IconTrash size={14} />}
          onClick={() => form.removeListItem('coverages', index)}
        >
          Remove coverage
        </Button>
      </Group>
    </Card>
  );
}
