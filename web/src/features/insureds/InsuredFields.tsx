// The insured's editable fields, shared by the create modal and the overview tab.
import { Grid, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { insuredKinds } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { enumOptions } from '../../lib/format';
import type { InsuredFormValues } from './insuredForm';

interface InsuredFieldsProps {
  form: UseFormReturnType<InsuredFormValues>;
  /** The stored tax id, masked, to show what typing a new one would replace. */
  taxIdMasked?: string | null;
  readOnly?: boolean;
  compact?: boolean;
}

export function InsuredFields({ form, taxIdMasked, readOnly = false, compact = false }: InsuredFieldsProps) {
  return (
    <Stack>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label="Legal name"
            data-autofocus
            data-testid="insured-legal-name"
            readOnly={readOnly}
            {...form.getInputProps('legalName')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Kind"
            data={enumOptions(insuredKinds)}
            allowDeselect={false}
            readOnly={readOnly}
            data-testid="insured-kind"
            {...form.getInputProps('kind')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="DBA" description="Doing business as" readOnly={readOnly} {...form.getInputProps('dba')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Tax ID"
            description={taxIdMasked ? `On file: ${taxIdMasked}. Type a new one to replace it.` : 'EIN or SSN; stored encrypted'}
            placeholder={taxIdMasked ?? ''}
            autoComplete="off"
            readOnly={readOnly}
            {...form.getInputProps('taxId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="External ID"
            description="Your ID for this insured in another system"
            readOnly={readOnly}
            {...form.getInputProps('externalId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            readOnly={readOnly}
            clearable={!readOnly}
            {...form.getInputProps('tags')}
          />
        </Grid.Col>
      </Grid>
      <AddressFields
        legend="Address"
        inputProps={(f) => form.getInputProps(`address.${f}`)}
        readOnly={readOnly}
        testId="insured-address"
      />
      {!compact && (
        <AddressFields
          legend="Mailing address"
          inputProps={(f) => form.getInputProps(`mailingAddress.${f}`)}
          readOnly={readOnly}
          testId="insured-mailing-address"
        />
      )}
      <Textarea label="Notes" autosize minRows={2} readOnly={readOnly} {...form.getInputProps('notes')} />
    </Stack>
  );
}
