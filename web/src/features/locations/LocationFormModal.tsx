// Create or edit a location: name, code, kind, address and the dates it is active.
import { Button, Checkbox, Grid, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateLocation, useUpdateLocation } from '../../api/locations';
import { locationKinds, type Location, type LocationInput, type LocationKind } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { DateField } from '../../components/DateField';
import { fromAddressForm, toAddressForm, type AddressFormValues } from '../../lib/address';
import { showFormError, notifySuccess } from '../../lib/errors';
import { blankToNull, enumOptions } from '../../lib/format';

interface LocationFormValues {
  name: string;
  code: string;
  kind: LocationKind;
  address: AddressFormValues;
  activeFrom: string | null;
  activeTo: string | null;
  archived: boolean;
}

function initialValues(location?: Location): LocationFormValues {
  return {
    name: location?.name ?? '',
    code: location?.code ?? '',
    kind: location?.kind ?? 'site',
    address: toAddressForm(location?.address),
    activeFrom: location?.activeFrom ?? null,
    activeTo: location?.activeTo ?? null,
    archived: location?.archived ?? false,
  };
}

interface LocationFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The location to edit; omitted to create a new one. */
  location?: Location;
  onSaved?: (location: Location) => void;
}

export function LocationFormModal({ opened, onClose, location, onSaved }: LocationFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={location ? 'Edit location' : 'New location'} size="lg">
      {/* mounted only while open, so each opening starts from the location's current values */}
      {opened && <LocationForm location={location} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function LocationForm({ location, onClose, onSaved }: Omit<LocationFormModalProps, 'opened'>) {
  const create = useCreateLocation();
  const update = useUpdateLocation();
  const form = useForm<LocationFormValues>({
    initialValues: initialValues(location),
    validate: {
      name: (v) => (v.trim() ? null : 'Name the location'),
      activeTo: (v, values) =>
        v && values.activeFrom && v < values.activeFrom ? 'Must be on or after the start date' : null,
    },
  });

  const submit = form.onSubmit((values) => {
    const input: LocationInput = {
      name: values.name.trim(),
      code: blankToNull(values.code),
      kind: values.kind,
      address: fromAddressForm(values.address),
      activeFrom: values.activeFrom || null,
      activeTo: values.activeTo || null,
      ...(location ? { archived: values.archived } : {}),
    };
    const callbacks = {
      onSuccess: (saved: Location) => {
        notifySuccess(location ? 'Location saved' : `Location “${saved.name}” created`);
        onSaved?.(saved);
        onClose();
      },
      onError: (err: unknown) => showFormError(form, err),
    };
    if (location) update.mutate({ id: location.id, ...input }, callbacks);
    else create.mutate(input, callbacks);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label="Name" data-autofocus data-testid="location-name" {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label="Code" description="Optional short code" data-testid="location-code" {...form.getInputProps('code')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label="Kind"
              data={enumOptions(locationKinds)}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <DateField label="Active from" {...form.getInputProps('activeFrom')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <DateField label="Active to" {...form.getInputProps('activeTo')} />
          </Grid.Col>
        </Grid>
        <AddressFields legend="Address" inputProps={(f) => form.getInputProps(`address.${f}`)} testId="location-address" />
        {location && <Checkbox label="Archived" {...form.getInputProps('archived', { type: 'checkbox' })} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="location-save">
            {location ? 'Save location' : 'Create location'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
