// The certificate's own fields: status, form, dates, insured, producer, insurers, operations, holder.
import { ActionIcon, Button, Fieldset, Grid, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { certificateStatuses } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { DateField } from '../../components/DateField';
import { enumOptions } from '../../lib/format';
import type { CertificateFormValues } from './certificateForm';
import { Flag } from './confidence';

type Form = UseFormReturnType<CertificateFormValues>;

export function CertificateFields({ form }: { form: Form }) {
  return (
    <Stack>
      <Fieldset legend="Certificate">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Review status"
              data={enumOptions(certificateStatuses)}
              allowDeselect={false}
              data-testid="certificate-status"
              {...form.getInputProps('status')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Flag path="formType"><TextInput label="Form" placeholder="ACORD 25" {...form.getInputProps('formType')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Flag path="formEdition"><TextInput label="Edition" placeholder="2016/03" {...form.getInputProps('formEdition')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Flag path="certificateDate"><DateField label="Certificate date" {...form.getInputProps('certificateDate')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <Flag path="certificateNumber"><TextInput label="Certificate number" {...form.getInputProps('certificateNumber')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <Flag path="revisionNumber"><TextInput label="Revision number" {...form.getInputProps('revisionNumber')} /></Flag>
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend="Insured (as printed)">
        <Stack gap="sm">
          <Flag path="insuredName"><TextInput label="Insured name" {...form.getInputProps('insuredName')} /></Flag>
          <Flag path="insuredAddress">
<AddressFields
            legend="Insured address"
            inputProps={(f) => form.getInputProps(`insuredAddress.${f}`)}
            testId="certificate-insured-address"
          />
</Flag>
        </Stack>
      </Fieldset>

      <Fieldset legend="Producer (agent or broker)">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Flag path="producerName"><TextInput label="Producer name" {...form.getInputProps('producerName')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Flag path="producerContactName"><TextInput label="Producer contact" {...form.getInputProps('producerContactName')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Flag path="producerPhone"><TextInput label="Producer phone" {...form.getInputProps('producerPhone')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Flag path="producerFax"><TextInput label="Producer fax" {...form.getInputProps('producerFax')} /></Flag>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Flag path="producerEmail"><TextInput label="Producer email" {...form.getInputProps('producerEmail')} /></Flag>
          </Grid.Col>
          <Grid.Col span={12}>
            <Flag path="producerAddress">
<AddressFields
              legend="Producer address"
              inputProps={(f) => form.getInputProps(`producerAddress.${f}`)}
              testId="certificate-producer-address"
            />
</Flag>
          </Grid.Col>
        </Grid>
      </Fieldset>

      <InsurersFields form={form} />

      <Flag path="descriptionOfOperations">
        <Textarea
          label="Description of operations"
          autosize
          minRows={3}
          {...form.getInputProps('descriptionOfOperations')}
        />
      </Flag>

      <Fieldset legend="Certificate holder">
        <Stack gap="sm">
          <Flag path="holderName"><TextInput label="Holder name" {...form.getInputProps('holderName')} /></Flag>
          <Flag path="holderAddress">
<AddressFields
            legend="Holder address"
            inputProps={(f) => form.getInputProps(`holderAddress.${f}`)}
            testId="certificate-holder-address"
          />
</Flag>
        </Stack>
      </Fieldset>

      <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
    </Stack>
  );
}

function InsurersFields({ form }: { form: Form }) {
  const nextLetter = () => String.fromCharCode(65 + form.values.insurers.length);
  return (
    <Fieldset legend="Insurers">
      <Stack gap="xs">
        {form.values.insurers.map((insurer, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <Flag path={`insurers.${index}.letter`}><TextInput label="Letter" w={70} maxLength={1} {...form.getInputProps(`insurers.${index}.letter`)} /></Flag>
            <Flag path={`insurers.${index}.name`} style={{ flex: 1, minWidth: 0 }}><TextInput label="Insurer name" {...form.getInputProps(`insurers.${index}.name`)} /></Flag>
            <Flag path={`insurers.${index}.naic`}><TextInput label="NAIC" w={90} {...form.getInputProps(`insurers.${index}.naic`)} /></Flag>
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={`Remove insurer ${insurer.letter || index + 1}`}
              onClick={() => form.removeListItem('insurers', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            // the form has six insurer rows, A to F
            disabled={form.values.insurers.length >= 6}
            onClick={() => form.insertListItem('insurers', { letter: nextLetter(), name: '', naic: '' })}
          >
            Add insurer
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
