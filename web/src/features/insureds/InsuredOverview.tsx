// The overview tab: the insured's fields, editable by editors, with archive and delete.
import { useEffect } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useDeleteInsured, useUpdateInsured } from '../../api/insureds';
import type { Insured } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { notifyOutcome, notifySuccess, showFormError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { InsuredFields } from './InsuredFields';
import { insuredFormValues, insuredInput, validateInsured, type InsuredFormValues } from './insuredForm';

export function InsuredOverview({ insured }: { insured: Insured }) {
  const { canEdit } = usePermissions();
  const update = useUpdateInsured();
  const remove = useDeleteInsured();
  const navigate = useNavigate();
  const form = useForm<InsuredFormValues>({ initialValues: insuredFormValues(insured), validate: validateInsured });

  // when the insured changes elsewhere (a refetch), reload the form unless the person is mid-edit;
  // keyed on updatedAt so typing does not re-run it
  useEffect(() => {
    if (form.isDirty()) return;
    const fresh = insuredFormValues(insured);
    form.setValues(fresh);
    form.resetDirty(fresh);
  }, [insured.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = form.onSubmit((values) =>
    update.mutate(
      { id: insured.id, ...insuredInput(values) },
      {
        onSuccess: (saved) => {
          notifySuccess('Insured saved');
          const fresh = insuredFormValues(saved);
          form.setValues(fresh);
          form.resetDirty(fresh);
        },
        onError: (err) => showFormError(form, err),
      },
    ),
  );

  const onDelete = () =>
    notifyOutcome(remove.mutateAsync(insured.id), 'Insured deleted', 'Could not delete').then(() => navigate('/insureds'));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Paper withBorder p="md">
          <Group gap="xl" wrap="wrap">
            <Summary label="Certificates" value={String(insured.certificateCount)} />
            <Summary label="Next expiration" value={formatDate(insured.nextExpiration)} />
            <Summary label="Tax ID" value={insured.taxIdMasked ?? '—'} />
            <Summary label="Updated" value={formatDateTime(insured.updatedAt)} />
            {canEdit && (
              <Stack gap={2}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Status
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-label="Insured status"
                  data={[
                    { value: 'active', label: 'Active' },
                    { value: 'archived', label: 'Archived' },
                  ]}
                  {...form.getInputProps('status')}
                />
              </Stack>
            )}
          </Group>
        </Paper>
        <InsuredFields form={form} taxIdMasked={insured.taxIdMasked} readOnly={!canEdit} />
        {canEdit && (
          <Group justify="space-between">
            <ConfirmAction
              label="Delete insured"
              title="Delete insured"
              message={`Delete “${insured.legalName}” with its contacts, certificates and documents? Archiving keeps them instead.`}
              onConfirm={onDelete}
            />
            <Group>
              <Button variant="default" onClick={() => form.setValues(insuredFormValues(insured))} disabled={!form.isDirty()}>
                Discard changes
              </Button>
              <Button type="submit" loading={update.isPending} data-testid="insured-save">
                Save insured
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}
