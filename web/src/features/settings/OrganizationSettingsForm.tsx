// The current organization's name and time zone (expiry dates are judged in that time zone).
import { useEffect } from 'react';
import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCurrentOrganization, useUpdateOrganization } from '../../api/organizations';
import { QueryState } from '../../components/QueryState';
import { notifySuccess, showFormError } from '../../lib/errors';
import { timeZoneOptions } from '../../lib/timeZones';
import { usePermissions } from '../auth/session';

export function OrganizationSettingsForm() {
  const organization = useCurrentOrganization();
  return (
    <QueryState query={organization}>
      {(data) => <OrganizationForm name={data.name} timeZone={data.timeZone} />}
    </QueryState>
  );
}

function OrganizationForm({ name, timeZone }: { name: string; timeZone: string }) {
  const { canAdmin } = usePermissions();
  const update = useUpdateOrganization();
  const form = useForm({
    initialValues: { name, timeZone },
    validate: { name: (v) => (v.trim() ? null : 'Name the organization') },
  });

  useEffect(() => {
    form.setValues({ name, timeZone });
    form.resetDirty({ name, timeZone });
  }, [name, timeZone]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = form.onSubmit((values) =>
    update.mutate(
      { name: values.name.trim(), timeZone: values.timeZone },
      { onSuccess: () => notifySuccess('Organization saved'), onError: (err) => showFormError(form, err) },
    ),
  );

  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Organization name" readOnly={!canAdmin} {...form.getInputProps('name')} />
          <Select
            label="Time zone"
            description="Certificates expire at midnight in this time zone"
            data={timeZoneOptions(timeZone)}
            searchable
            allowDeselect={false}
            readOnly={!canAdmin}
            {...form.getInputProps('timeZone')}
          />
          {canAdmin && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()} data-testid="organization-save">
                Save organization
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
