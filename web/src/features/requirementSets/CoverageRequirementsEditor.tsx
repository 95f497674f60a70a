// The coverages a requirement set demands: type, minimum limits and required endorsements.
import { Button, Card, Checkbox, Grid, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
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
              Name the limits this coverage must show (as printed, e.g. Each claim), then set their minimums.
            </Text>
          </Grid.Col>
        )}
      </Grid>
      {entry.coverage === 'other' && <OtherLimitAdder form={form} index={index} />}
      <ConditionInputs form={form} index={index} />
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

/** An `other` coverage's limits are keyed by their printed label in snake_case ("Each claim" → each_claim). */
function OtherLimitAdder({ form, index }: { form: Form; index: number }) {
  const [label, setLabel] = useState('');
  const entry = form.values.coverages[index]!;
  const key = label.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const valid = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(key) && !(key in entry.limits);
  return (
    <Group mt="xs" align="flex-end" gap="xs">
      <TextInput size="xs" label="Add a limit" placeholder="Each claim" value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
      <Button
        size="xs"
        variant="default"
        disabled={!valid}
        onClick={() => {
          form.setFieldValue(`coverages.${index}.limits`, { ...entry.limits, [key]: '' });
          setLabel('');
        }}
      >
        Add
      </Button>
    </Group>
  );
}

const BASIS_COVERAGES = new Set(['general_liability', 'umbrella_liability', 'excess_liability', 'other']);
const TOPPED_UP = new Set(['general_liability', 'automobile_liability', 'workers_compensation']);

/** The conditions kept in the entry's `extra`: basis, aggregate per, statutory limits, umbrella top-up. */
function ConditionInputs({ form, index }: { form: Form; index: number }) {
  const entry = form.values.coverages[index]!;
  const setExtra = (key: string, value: unknown) => {
    const { [key]: _old, ...rest } = entry.extra;
    form.setFieldValue(`coverages.${index}.extra`, value === undefined || value === null || value === false ? rest : { ...rest, [key]: value });
  };
  const per = Array.isArray(entry.extra.aggregateAppliesPer) ? (entry.extra.aggregateAppliesPer as string[]) : [];
  return (
    <Grid gap="sm" mt="sm">
      {BASIS_COVERAGES.has(entry.coverage) && (
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label="Basis"
            aria-label={`${coverageLabel(entry.coverage)} basis`}
            data={[
              { value: 'any', label: 'Any basis' },
              { value: 'occurrence', label: 'Occurrence' },
              { value: 'claims_made', label: 'Claims-made' },
            ]}
            allowDeselect={false}
            value={typeof entry.extra.basis === 'string' ? entry.extra.basis : 'any'}
            onChange={(v) => setExtra('basis', v === 'any' ? undefined : v)}
          />
        </Grid.Col>
      )}
      {entry.coverage === 'general_liability' && (
        <Grid.Col span={{ base: 12, sm: 6, md: 8 }}>
          <MultiSelect
            label="Aggregate must apply per"
            placeholder={per.length ? undefined : 'Any'}
            data={[
              { value: 'policy', label: 'Policy' },
              { value: 'project', label: 'Project' },
              { value: 'location', label: 'Location' },
              { value: 'other', label: 'Other' },
            ]}
            value={per}
            onChange={(v) => setExtra('aggregateAppliesPer', v.length ? v : undefined)}
          />
        </Grid.Col>
      )}
      <Grid.Col span={12}>
        <Group gap="lg">
          {entry.coverage === 'workers_compensation' && (
            <Checkbox label="Statutory limits (PER STATUTE)" checked={entry.extra.perStatute === true} onChange={(e) => setExtra('perStatute', e.currentTarget.checked)} />
          )}
          {TOPPED_UP.has(entry.coverage) && (
            <Checkbox
              label="An umbrella or excess policy may make up a shortfall"
              checked={entry.extra.umbrellaMayApply === true}
              onChange={(e) => setExtra('umbrellaMayApply', e.currentTarget.checked)}
            />
          )}
        </Group>
      </Grid.Col>
    </Grid>
  );
}
