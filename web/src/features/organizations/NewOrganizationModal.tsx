// Creating another organization (the creator becomes its owner) and switching to it.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateOrganization } from '../../api/organizations';
import { showFormError } from '../../lib/errors';
import { timeZoneOptions, browserTimeZone } from '../../lib/timeZones';

interface NewOrganizationModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (orgId: string) => void;
}

export function NewOrganizationModal({ opened, onClose, onCreated }: NewOrganizationModalProps) {
  const create = useCreateOrganization();
  const form = useForm({
    initialValues: { name: '', timeZone: browserTimeZone() },
    validate: { name: (v) => (v.trim() ? null : 'Name the organization') },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), timeZone: values.timeZone },
      {
        onSuccess: (org) => {
          close();
          onCreated(org.id);
        },
        onError: (err) => showFormError(form, err, {}, 'Could not create the organization'),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title="New organization">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Organization name" data-autofocus {...form.getInputProps('name')} />
          <Select label="Time zone" data={timeZoneOptions()} searchable {...form.getInputProps('timeZone')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create organization
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
