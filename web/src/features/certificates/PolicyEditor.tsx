// Editing one policy of a certificate: coverage, insurer, number, dates, flags and the limits
// that belong to its coverage type.
import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Grid, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { coverageTypes, type CoverageType, type PolicyBasis } from '../../api/types';
import { DateField } from '../../components/DateField';
import { coverageLabel, limitKeysByCoverage, limitLabel } from '../../lib/coverage';
import type { CertificateFormValues, LimitValue } from './certificateForm';
import { Flag } from './confidence';

interface PolicyEditorProps {
  form: UseFormReturnType<CertificateFormValues>;
  index: number;
  insurerLetters: string[];
}

export function PolicyEditor({ form, index, insurerLetters }: PolicyEditorProps) {
  const policy = form.values.policies[index];
  const path = `policies.${index}` as const;
  if (!policy) return null;

  const knownKeys = limitKeysByCoverage[policy.coverage];
  // limits the certificate shows beyond the standard keys (and all "other" limits) stay editable
  const limitKeys = [...knownKeys, ...Object.keys(policy.limits).filter((k) => !knownKeys.includes(k))];

  const setLimits = (limits: Record<string, LimitValue>) => form.setFieldValue(`${path}.limits`, limits);
  const setLimit = (key: string, value: LimitValue) => setLimits({ ...policy.limits, [key]: value });
  // limit keys and details differ per coverage, and the server refuses ones that do not belong
  const changeCoverage = (coverage: CoverageType) => {
    const allowed = limitKeysByCoverage[coverage];
    const limits = Object.fromEntries(
      Object.entries(policy.limits).filter(([key, value]) => value !== '' && (coverage === 'other' || allowed.includes(key))),
    );
    form.setFieldValue(path, { ...policy, coverage, limits, details: coverage === policy.coverage ? policy.details : {} });
  };
  const removeLimit = (key: string) => {
    const { [key]: _removed, ...rest } = policy.limits;
    setLimits(rest);
  };

  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Coverage"
            data={coverageTypes.map((c) => ({ value: c, label: coverageLabel(c) }))}
            allowDeselect={false}
            value={policy.coverage}
            onChange={(v) => v && changeCoverage(v as CoverageType)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Description"
            description={policy.coverage === 'other' ? 'The coverage as printed, e.g. Professional Liability' : undefined}
            {...form.getInputProps(`${path}.description`)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Flag path={`${path}.policyNumber`}>
            <TextInput label="Policy number" {...form.getInputProps(`${path}.policyNumber`)} />
          </Flag>
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Flag path={`${path}.insurerLetter`}>
            <Select
              label="Insurer"
              data={insurerLetters}
              clearable
              value={policy.insurerLetter || null}
              onChange={(v) => form.setFieldValue(`${path}.insurerLetter`, v ?? '')}
            />
          </Flag>
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Flag path={`${path}.basis`}>
            <Select
              label="Basis"
              data={[
                { value: 'occurrence', label: 'Occurrence' },
                { value: 'claims_made', label: 'Claims made' },
              ]}
              clearable
              value={policy.basis}
              onChange={(v) => form.setFieldValue(`${path}.basis`, (v as PolicyBasis | null) ?? null)}
            />
          </Flag>
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Flag path={`${path}.effectiveDate`}>
            <DateField label="Effective" {...form.getInputProps(`${path}.effectiveDate`)} />
          </Flag>
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Flag path={`${path}.expirationDate`}>
            <DateField label="Expires" {...form.getInputProps(`${path}.expirationDate`)} />
          </Flag>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Group h="100%" align="flex-end" gap="lg" pb={6}>
            <Flag path={`${path}.additionalInsured`}>
              <Checkbox
                label="Additional insured"
                {...form.getInputProps(`${path}.additionalInsured`, { type: 'checkbox' })}
              />
            </Flag>
            <Flag path={`${path}.subrogationWaived`}>
              <Checkbox
                label="Subrogation waived"
                {...form.getInputProps(`${path}.subrogationWaived`, { type: 'checkbox' })}
              />
            </Flag>
          </Group>
        </Grid.Col>
      </Grid>

      <Text size="sm" fw={600}>
        Limits
      </Text>
      <Grid gap="sm">
        {limitKeys.map((key) => (
          <Grid.Col key={key} span={{ base: 12, sm: 6 }}>
            <Flag path={`${path}.limits.${key}`}>
            <NumberInput
              label={limitLabel(key)}
              prefix="$"
              thousandSeparator=","
              allowDecimal={false}
              allowNegative={false}
              min={0}
              hideControls
              value={policy.limits[key] ?? ''}
              onChange={(v) => setLimit(key, v)}
              error={form.errors[`${path}.limits.${key}`]}
              rightSection={
                !knownKeys.includes(key) && (
                  <ActionIcon variant="subtle" size="sm" aria-label={`Remove ${limitLabel(key)}`} onClick={() => removeLimit(key)}>
                    <IconX size={14} />
                  </ActionIcon>
                )
              }
            />
            </Flag>
          </Grid.Col>
        ))}
      </Grid>
      <AddLimit existing={limitKeys} onAdd={(key) => setLimit(key, '')} />
    </Stack>
  );
}

/** For "other" coverages and unusual rows: a limit under a free-form key (snake_case, like the extraction format). */
function AddLimit({ existing, onAdd }: { existing: string[]; onAdd: (key: string) => void }) {
  const [name, setName] = useState('');
  const key = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        size="xs"
        label="Another limit"
        placeholder="e.g. each claim"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <Button
        size="xs"
        variant="default"
        leftSection={<IconPlus size={14} />}
        disabled={!key || existing.includes(key)}
        onClick={() => {
          onAdd(key);
          setName('');
        }}
      >
        Add limit
      </Button>
    </Group>
  );
}
